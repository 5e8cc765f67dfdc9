package io.xinference.hub.command.webhook;

import io.xinference.hub.command.notification.MailKind;
import io.xinference.hub.command.notification.MailOutbox;
import io.xinference.hub.command.outbox.OutboxBacklog;
import io.xinference.hub.command.outbox.OutboxMetrics;
import io.xinference.hub.command.outbox.OutboxFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sends due deliveries, one at a time, outside any command or event-processing thread (the webhook feature of the outbox). Each attempt is signed
 * afresh (new timestamp), bounded by the timeout, and recorded; its outcome and the webhook's failure count are
 * written in one transaction. A hook whose failures in a row reach the limit is paused and its owner gets a mail
 * queued in that same transaction.
 */
public class WebhookDeliveryWorker implements OutboxFeature {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryWorker.class);
    private static final int MAX_PER_POLL = 50;
    private static final int MAX_ERROR_LENGTH = 500;

    private final OutboxMetrics metrics;
    private final DeliveryStore deliveries;
    private final WebhookStore webhooks;
    private final WebhookSecrets secrets;
    private final MailOutbox mails;
    private final WebhookProperties properties;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final HttpClient http;

    public WebhookDeliveryWorker(DeliveryStore deliveries, WebhookStore webhooks, WebhookSecrets secrets,
                                 MailOutbox mails, WebhookProperties properties, TransactionOperations transactions,
                                 OutboxMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.secrets = secrets;
        this.mails = mails;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        // receivers must answer where they were registered: a redirect could lead a signed body anywhere
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return OutboxBacklog.WEBHOOK;
    }

    @Override
    public int runDue() {
        return deliverDue();
    }

    /** The delivery log keeps finished deliveries for its retention. */
    @Override
    public int forgetFinished(Instant now) {
        return deliveries.forgetFinishedBefore(now.minus(properties.logRetention()));
    }

    /** Sends every delivery due now (up to a batch); returns how many were attempted. */
    public int deliverDue() {
        int attempted = 0;
        Optional<DeliveryJob> next;
        // the lease outlasts one attempt (its timeout) with room to record it
        Duration lease = properties.timeout().multipliedBy(2).plusSeconds(30);
        while (attempted < MAX_PER_POLL && (next = deliveries.claimNext(clock.instant(), lease)).isPresent()) {
            attempt(next.get());
            attempted++;
        }
        return attempted;
    }

    void attempt(DeliveryJob job) {
        int attempt = job.attempts() + 1;
        Instant started = clock.instant();
        long begin = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            HttpResponse<Void> response = http.send(request(job), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status < 200 || status >= 300) {
                error = "the receiver answered " + status;
            }
        } catch (IOException e) {
            error = "no answer: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (RuntimeException e) {
            error = "could not send: " + e.getMessage();
        }
        long latencyMs = (System.nanoTime() - begin) / 1_000_000;
        record(job, attempt, started, status, error == null ? null : truncate(error), latencyMs);
    }

    private HttpRequest request(DeliveryJob job) {
        String secret = secrets.open(webhooks.secretOf(job.webhookId()), job.webhookId());
        long timestamp = clock.instant().getEpochSecond();
        return HttpRequest.newBuilder(URI.create(job.url()))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Models-Hub-Webhooks/1")
                .header(WebhookSignature.DELIVERY_HEADER, job.id())
                .header(WebhookSignature.EVENT_HEADER, job.eventKind().wire())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, job.body()))
                .POST(HttpRequest.BodyPublishers.ofString(job.body()))
                .build();
    }

    private void record(DeliveryJob job, int attempt, Instant at, Integer status, String error, long latencyMs) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            deliveries.recordAttempt(job, attempt, at, status, latencyMs, error);
            if (error == null) {
                deliveries.delivered(job, attempt, status, latencyMs, now);
                webhooks.succeeded(job.webhookId());
                return;
            }
            Instant retryAt = attempt < properties.maxAttempts() ? now.plus(properties.backoff().after(attempt)) : null;
            deliveries.failed(job, attempt, status, error, latencyMs, retryAt);
            boolean paused = webhooks.failed(job.webhookId(), properties.pauseAfterFailures(),
                    properties.pauseAfterFailures() + " failed deliveries in a row; last: " + error, now);
            if (paused) {
                tellOwner(job, error, now);
            }
        });
        metrics.attempted(name(), error == null ? OutboxMetrics.Outcome.DONE
                : attempt < properties.maxAttempts() ? OutboxMetrics.Outcome.RETRY : OutboxMetrics.Outcome.FAILED);
    }

    private void tellOwner(DeliveryJob job, String error, Instant now) {
        webhooks.find(job.webhookId()).ifPresent(hook -> {
            log.info("webhook {} to {} paused after {} failures in a row", hook.id(), hook.url(),
                    properties.pauseAfterFailures());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("webhookId", hook.id());
            data.put("url", hook.url());
            data.put("failures", properties.pauseAfterFailures());
            data.put("lastError", error);
            mails.queue(MailKind.WEBHOOK_PAUSED, hook.owner().subject(), null, data, now, now);
        });
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "...";
    }
}
