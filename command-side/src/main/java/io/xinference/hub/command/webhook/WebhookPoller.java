package io.xinference.hub.command.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Checks the delivery table for due deliveries; the table, not this timer, is what survives a restart. */
public class WebhookPoller {

    private static final Logger log = LoggerFactory.getLogger(WebhookPoller.class);

    private final WebhookDeliveryWorker worker;

    public WebhookPoller(WebhookDeliveryWorker worker) {
        this.worker = worker;
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
}
