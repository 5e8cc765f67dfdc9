package io.xinference.hub.command.webhook;

import io.xinference.hub.command.outbox.RetryBackoff;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Webhooks ({@code hub.webhooks.*}). Which receivers may be reached is the outbound policy's ({@code hub.outbound.*}).
 *
 * @param enabled            {@code false} leaves the delivery process and worker out
 * @param maxPerUser         webhooks one person may register
 * @param maxUrlLength       characters of a receiver URL
 * @param firstRetryDelay    back-off after the first failed attempt; doubles up to {@code maxRetryDelay}
 * @param maxAttempts        attempts per delivery before it is given up
 * @param pauseAfterFailures failed attempts in a row (any deliveries) after which the webhook is paused
 * @param timeout            connect and response timeout of one attempt
 * @param logRetention       how long finished deliveries stay in the log
 */
@ConfigurationProperties("hub.webhooks")
public record WebhookProperties(Boolean enabled, Integer maxPerUser, Integer maxUrlLength,
                                Duration firstRetryDelay, Duration maxRetryDelay,
                                Integer maxAttempts, Integer pauseAfterFailures, Duration timeout,
                                Duration logRetention) {

    public WebhookProperties {
        enabled = enabled == null || enabled;
        maxPerUser = maxPerUser == null ? 10 : maxPerUser;
        maxUrlLength = maxUrlLength == null ? 2048 : maxUrlLength;
        firstRetryDelay = firstRetryDelay == null ? Duration.ofSeconds(30) : firstRetryDelay;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofHours(1) : maxRetryDelay;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        pauseAfterFailures = pauseAfterFailures == null ? 20 : pauseAfterFailures;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        logRetention = logRetention == null ? Duration.ofDays(30) : logRetention;
    }

    public RetryBackoff backoff() {
        return new RetryBackoff(firstRetryDelay, maxRetryDelay);
    }
}
