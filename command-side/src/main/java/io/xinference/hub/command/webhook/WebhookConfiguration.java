package io.xinference.hub.command.webhook;

import io.xinference.hub.command.outbox.OutboxMetrics;
import io.xinference.hub.command.notification.MailOutbox;
import io.xinference.hub.command.outbound.HostResolver;
import io.xinference.hub.command.outbound.OutboundHttp;
import io.xinference.hub.command.outbound.OutboundPolicy;
import io.xinference.hub.command.notification.NotificationProperties;
import io.xinference.hub.command.usercenter.TokenCipher;
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
 * Wires the webhooks: the API, the event handler in its own processing group, the delivery table and the worker
 * that sends due deliveries (run by the outbox's one poller). {@code hub.webhooks.enabled=false} leaves the process and the poller out.
 */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookConfiguration {

    @Bean
    WebhookStore webhookStore(JdbcTemplate jdbc) {
        return new WebhookStore(jdbc);
    }

    @Bean
    DeliveryStore deliveryStore(JdbcTemplate jdbc) {
        return new DeliveryStore(jdbc);
    }

    @Bean
    WebhookSecrets webhookSecrets(@Value("${hub.user-center.token-encryption-key:}") String key) {
        return new WebhookSecrets(key.isBlank() ? Optional.empty() : Optional.of(new TokenCipher(key)));
    }

    @Bean
    Webhooks webhooks(WebhookStore store, DeliveryStore deliveries, WebhookSecrets secrets,
                      WebhookProperties properties, OutboundPolicy outbound) {
        return new Webhooks(store, deliveries, secrets, properties, outbound, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnProperty(prefix = "hub.webhooks", name = "enabled", havingValue = "true", matchIfMissing = true)
    WebhookDeliveryProcess webhookDeliveryProcess(WebhookStore store, DeliveryStore deliveries,
                                                  NotificationProperties notifications) {
        return new WebhookDeliveryProcess(store, deliveries, new WebhookPayloads(notifications.queryUrl()),
                Clock.systemUTC());
    }

    @Bean
    @ConditionalOnProperty(prefix = "hub.webhooks", name = "enabled", havingValue = "true", matchIfMissing = true)
    WebhookDeliveryWorker webhookDeliveryWorker(DeliveryStore deliveries, WebhookStore store, WebhookSecrets secrets,
                                                MailOutbox mails, WebhookProperties properties,
                                                PlatformTransactionManager transactions, OutboxMetrics metrics,
                                                OutboundPolicy outbound) {
        return new WebhookDeliveryWorker(deliveries, store, secrets, mails, properties,
                new TransactionTemplate(transactions), metrics, Clock.systemUTC(),
                new OutboundHttp(outbound, HostResolver.SYSTEM, properties.timeout()));
    }

}
