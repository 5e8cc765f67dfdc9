package io.xinference.hub.command.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.util.List;

/** Wires the one outbox processor and the one poller over whichever features are enabled. */
@Configuration
@EnableScheduling
public class OutboxConfiguration {

    @Bean
    OutboxBacklog outboxBacklog(JdbcTemplate jdbc) {
        return new OutboxBacklog(jdbc);
    }

    @Bean
    OutboxMetrics outboxMetrics(ObjectProvider<MeterRegistry> registry, OutboxBacklog backlog) {
        return new OutboxMetrics(registry.getIfAvailable(SimpleMeterRegistry::new), backlog, Clock.systemUTC());
    }

    @Bean
    OutboxPoller outboxPoller(List<OutboxFeature> features, OutboxBacklog backlog) {
        return new OutboxPoller(features, backlog, Clock.systemUTC());
    }

    /** Events become outbox rows without loss; see {@link OutboxProcessing}. */
    @Bean
    ConfigurerModule outboxProcessing() {
        return OutboxProcessing.configuration();
    }
}
