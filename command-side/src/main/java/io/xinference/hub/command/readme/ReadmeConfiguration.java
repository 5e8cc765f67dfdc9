package io.xinference.hub.command.readme;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(ReadmeProperties.class)
public class ReadmeConfiguration {

    @Bean
    ModelCardFetcher modelCardFetcher(ReadmeProperties properties) {
        return new ModelCardFetcher(properties);
    }
}
