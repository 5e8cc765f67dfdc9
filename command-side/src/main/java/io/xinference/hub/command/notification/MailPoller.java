package io.xinference.hub.command.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;
import java.time.Instant;

/** Checks the outbox for due mails; the outbox, not this timer, is what survives a restart. */
public class MailPoller {

    private static final Logger log = LoggerFactory.getLogger(MailPoller.class);

    private final MailWorker worker;
    private final MailOutbox outbox;
    private final Duration retention;

    public MailPoller(MailWorker worker, MailOutbox outbox, Duration retention) {
        this.worker = worker;
        this.outbox = outbox;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${hub.notifications.poll-interval:5s}",
            initialDelayString = "${hub.notifications.poll-interval:5s}")
    public void sendDueMails() {
        try {
            worker.sendDueMails();
        } catch (RuntimeException e) {
            // the database may be briefly away; the next poll tries again and nothing due is lost
            log.warn("mail poll failed", e);
        }
    }

    /** Finished mails are kept for a while (to see what was sent), then forgotten so the outbox stays small. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
    public void forgetOldMails() {
        try {
            outbox.forgetFinishedBefore(Instant.now().minus(retention));
        } catch (RuntimeException e) {
            log.warn("forgetting old mails failed; the next run tries again", e);
        }
    }
}
