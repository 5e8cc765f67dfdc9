package io.xinference.hub.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * What operators watch in both apps (README, "Production"), next to what Spring Boot and Axon's Micrometer module
 * measure already (HTTP requests, connection pools, JVM; commands, events and handlers per payload type and
 * outcome): the event processors' segments, state and dead letters.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration",
        "org.axonframework.springboot.autoconfig.InfraConfiguration"})
@ConditionalOnClass({MeterRegistry.class, EventProcessingConfiguration.class})
public class ObservabilityAutoConfiguration {

    @Bean
    @ConditionalOnBean({MeterRegistry.class, EventProcessingConfiguration.class})
    public ProcessorMeters hubProcessorMeters(EventProcessingConfiguration processing, MeterRegistry registry) {
        return new ProcessorMeters(processing, registry, Clock.systemUTC());
    }
}
