package io.xinference.hub.command.notification;

import io.xinference.hub.command.outbox.OutboxMetrics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.util.Optional;

/**
 * Wires the mail notifications: the event handler in its own processing group, the outbox, the preferences, and
 * the worker that sends due mails (run by the outbox's one poller). {@code hub.notifications.enabled=false} leaves the process and the poller out
 * (the preferences API stays). The mail table is always there, so a webhook can tell its owner it was paused.
 */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationConfiguration {

    @Bean
    MailOutbox mailOutbox(JdbcTemplate jdbc) {
        return new MailOutbox(jdbc);
    }

    @Bean
    MailPreferenceStore mailPreferenceStore(JdbcTemplate jdbc) {
        return new MailPreferenceStore(jdbc);
    }

    @Bean
    MailTemplates mailTemplates() {
        return new MailTemplates();
    }

    @Bean
    @ConditionalOnProperty(prefix = "hub.notifications", name = "enabled", havingValue = "true", matchIfMissing = true)
    MailNotificationProcess mailNotificationProcess(JdbcTemplate jdbc, MailOutbox outbox,
                                                    MailPreferenceStore preferences, NotificationProperties properties,
                                                    Optional<Clock> clock) {
        return new MailNotificationProcess(new NotifiedModels(jdbc), outbox, preferences, properties,
                clock.orElseGet(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnProperty(prefix = "hub.notifications", name = "enabled", havingValue = "true", matchIfMissing = true)
    UserDirectory userDirectory(NotificationProperties properties,
                                @Value("${hub.security.issuer-uri}") String issuerUri) {
        return new KeycloakUserDirectory(properties.directory(), issuerUri, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnProperty(prefix = "hub.notifications", name = "enabled", havingValue = "true", matchIfMissing = true)
    MailWorker mailWorker(MailOutbox outbox, MailPreferenceStore preferences, UserDirectory directory,
                          MailTemplates templates, JavaMailSender mailSender, NotificationProperties properties,
                          OutboxMetrics metrics) {
        return new MailWorker(outbox, preferences, directory, templates, mailSender, properties, metrics,
                Clock.systemUTC());
    }

}
