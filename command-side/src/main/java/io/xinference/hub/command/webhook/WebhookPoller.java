package io.xinference.hub.command.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;
import java.time.Instant;

/** Checks the delivery table for due deliveries; the table, not this timer, is what survives a restart. */
public class WebhookPoller {

    private static final Logger log = LoggerFactory.getLogger(WebhookPoller.class);

    private final WebhookDeliveryWorker worker;
    private final DeliveryStore deliveries;
    private final Duration retention;

    public WebhookPoller(WebhookDeliveryWorker worker, DeliveryStore deliveries, Duration retention) {
        this.worker = worker;
        this.deliveries = deliveries;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${hub.webhooks.poll-interval:2s}", initialDelayString = "${hub.webhooks.poll-interval:2s}")
    public void deliverDue() {
        try {
            worker.deliverDue();
        } catch (RuntimeException e) {
            // the database may be briefly away; the next poll tries again and nothing due is lost
            log.warn("webhook delivery poll failed", e);
        }
    }

    /** The delivery log keeps finished deliveries for a while, then forgets them so the table stays small. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
    public void forgetOldDeliveries() {
        try {
            deliveries.forgetFinishedBefore(Instant.now().minus(retention));
        } catch (RuntimeException e) {
            log.warn("forgetting old webhook deliveries failed; the next run tries again", e);
        }
    }
}
