package io.xinference.hub.command.webhook;

import io.xinference.hub.command.notification.MailKind;
import io.xinference.hub.command.notification.MailOutbox;
import io.xinference.hub.command.outbox.OutboxBacklog;
import io.xinference.hub.command.outbox.OutboxMetrics;
import io.xinference.hub.command.outbox.OutboxFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

import io.xinference.hub.command.outbound.OutboundHttp;
import io.xinference.hub.command.outbound.OutboundOutcome;

import java.nio.charset.StandardCharsets;
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
    private final OutboundHttp http;

    /** @param http sends under the outbound policy: no redirects, checked addresses only */
    public WebhookDeliveryWorker(DeliveryStore deliveries, WebhookStore webhooks, WebhookSecrets secrets,
                                 MailOutbox mails, WebhookProperties properties, TransactionOperations transactions,
                                 OutboxMetrics metrics, Clock clock, OutboundHttp http) {
        this.metrics = metrics;
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.secrets = secrets;
        this.mails = mails;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        this.http = http;
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

    /**
     * One attempt. What is recorded as its error is the outcome's owner-facing wording only (refused by policy,
     * failed with HTTP n, no answer): exception names and addresses stay in the operators' log.
     */
    void attempt(DeliveryJob job) {
        int attempt = job.attempts() + 1;
        Instant started = clock.instant();
        long begin = System.nanoTime();
        Integer status = null;
        String error;
        try {
            OutboundOutcome outcome = http.post(job.url(), headers(job), job.body().getBytes(StandardCharsets.UTF_8));
            status = outcome.httpStatus();
            error = outcome.delivered() ? null : outcome.describe();
        } catch (RuntimeException e) {
            log.warn("webhook delivery {} could not be prepared", job.id(), e);
            error = "not sent: the hub could not sign it";
        }
        long latencyMs = (System.nanoTime() - begin) / 1_000_000;
        record(job, attempt, started, status, error == null ? null : truncate(error), latencyMs);
    }

    private Map<String, String> headers(DeliveryJob job) {
        String secret = secrets.open(webhooks.secretOf(job.webhookId()), job.webhookId());
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "Models-Hub-Webhooks/1");
        headers.put(WebhookSignature.DELIVERY_HEADER, job.id());
        headers.put(WebhookSignature.EVENT_HEADER, job.eventKind().wire());
        headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, job.body()));
        return headers;
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
