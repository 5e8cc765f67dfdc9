package io.xinference.hub.platform.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
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

    /**
     * Axon's message monitors keep four timers per message type (all, success, failure, ignored), each with six
     * client-side percentiles over a sliding window: the outcome counters already count outcomes, so only the
     * {@code allTimer} stays, and without percentiles (count, sum and max are what Prometheus can aggregate).
     */
    @Bean
    public MeterFilter axonTimersAtLowCost() {
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                String name = id.getName();
                return name.endsWith(".successTimer") || name.endsWith(".failureTimer")
                        || name.endsWith(".ignoredTimer") ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
            }

            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getName().endsWith(".allTimer")
                        ? DistributionStatisticConfig.builder().percentiles().percentilesHistogram(false).build()
                        .merge(config)
                        : config;
            }
        };
    }

    @Bean
    @ConditionalOnBean({MeterRegistry.class, EventProcessingConfiguration.class})
    public ProcessorMeters hubProcessorMeters(EventProcessingConfiguration processing, MeterRegistry registry) {
        return new ProcessorMeters(processing, registry, Clock.systemUTC());
    }
}
