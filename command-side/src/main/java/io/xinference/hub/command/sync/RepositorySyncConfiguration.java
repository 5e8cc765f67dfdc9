package io.xinference.hub.command.sync;

import io.xinference.hub.command.outbox.OutboxMetrics;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Optional;

/**
 * Wires the repository sync: the event handler in its own processing group, the persistent schedule, and the
 * worker that runs due syncs (run by the outbox's one poller). {@code hub.sync.enabled=false} leaves all of it out. People's own GitHub tokens
 * come from the one {@link GithubTokenSource} bean when the user center provides it.
 */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(SyncProperties.class)
@ConditionalOnProperty(prefix = "hub.sync", name = "enabled", havingValue = "true", matchIfMissing = true)
public class RepositorySyncConfiguration {

    @Bean
    SyncSchedule syncSchedule(JdbcTemplate jdbc) {
        return new SyncSchedule(jdbc);
    }

    @Bean
    SyncEventPublisher syncEventPublisher(EventGateway eventGateway) {
        return events -> eventGateway.publish(events);
    }

    @Bean
    RepositorySyncProcess repositorySyncProcess(SyncSchedule schedule, SyncEventPublisher events) {
        return new RepositorySyncProcess(schedule, events);
    }

    /** The bot token is {@code hub.sync.bot-token}, else {@code HUB_GITHUB_TOKEN} as the deployment docs name it. */
    @Bean
    RepositorySyncWorker repositorySyncWorker(SyncProperties configured,
                                              @Value("${HUB_GITHUB_TOKEN:}") String environmentToken,
                                              SyncSchedule schedule, Optional<GithubTokenSource> personalTokens,
                                              SyncEventPublisher events, PlatformTransactionManager transactions,
                                              OutboxMetrics metrics) {
        boolean configuredToken = configured.botToken() != null && !configured.botToken().isBlank();
        SyncProperties properties = configuredToken ? configured : configured.withBotToken(environmentToken);
        Clock clock = Clock.systemUTC();
        GithubTokenSource tokens = personalTokens.orElseGet(NoPersonalGithubTokens::new);
        return new RepositorySyncWorker(schedule, new GithubPullRequests(properties, clock), tokens, properties,
                events, new TransactionTemplate(transactions), metrics, clock);
    }

}
