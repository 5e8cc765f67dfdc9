package io.xinference.hub.command.outbound;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link OutboundPolicy} of the app, from {@code hub.outbound.*}. */
@Configuration
@EnableConfigurationProperties(OutboundProperties.class)
public class OutboundConfiguration {

    @Bean
    OutboundPolicy outboundPolicy(OutboundProperties properties) {
        return new OutboundPolicy(properties);
    }
}
