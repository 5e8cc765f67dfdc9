package io.xinference.hub.command.notification;

import io.xinference.hub.command.outbox.RetryBackoff;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Mail notifications ({@code hub.notifications.*}).
 *
 * @param enabled          {@code false} leaves the whole process out (nothing queued, nothing sent)
 * @param from             the sender address
 * @param queryUrl         the public URL of the catalogue, for links in mails ({@code HUB_QUERY_URL})
 * @param reminderLead     how long before a model's expiration date its owner hears of it
 * @param firstRetryDelay  back-off after the first failed send; doubles per attempt up to {@code maxRetryDelay}
 * @param maxAttempts      sends before a mail is given up
 * @param directory        where people's addresses come from
 * @param retention        how long finished mails stay in the outbox
 */
@ConfigurationProperties("hub.notifications")
public record NotificationProperties(Boolean enabled, String from, String queryUrl, Duration reminderLead,
                                     Duration firstRetryDelay, Duration maxRetryDelay,
                                     Integer maxAttempts, Directory directory, Duration retention) {

    public NotificationProperties {
        enabled = enabled == null || enabled;
        from = blank(from) ? "Models Hub <no-reply@models-hub.local>" : from;
        queryUrl = blank(queryUrl) ? "http://127.0.0.1:8082" : queryUrl.replaceAll("/+$", "");
        reminderLead = reminderLead == null ? Duration.ofDays(7) : reminderLead;
        firstRetryDelay = firstRetryDelay == null ? Duration.ofMinutes(1) : firstRetryDelay;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofHours(6) : maxRetryDelay;
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        directory = directory == null ? new Directory(null, null, null, null) : directory;
        retention = retention == null ? Duration.ofDays(30) : retention;
    }

    public RetryBackoff backoff() {
        return new RetryBackoff(firstRetryDelay, maxRetryDelay);
    }

    /**
     * The identity provider's admin API, read with a confidential client's service account.
     *
     * @param adminUrl     e.g. {@code http://127.0.0.1:18080/admin/realms/models-hub}; empty: derived from the issuer
     * @param tokenUrl     the client-credentials token endpoint; empty: derived from the issuer
     * @param clientId     the service account's client
     * @param clientSecret its secret ({@code HUB_NOTIFIER_CLIENT_SECRET})
     */
    public record Directory(String adminUrl, String tokenUrl, String clientId, String clientSecret) {
        public Directory {
            clientId = blank(clientId) ? "models-hub-notifier" : clientId;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
