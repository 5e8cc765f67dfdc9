package io.xinference.hub.command.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Checks the outbox for due mails; the outbox, not this timer, is what survives a restart. */
public class MailPoller {

    private static final Logger log = LoggerFactory.getLogger(MailPoller.class);

    private final MailWorker worker;

    public MailPoller(MailWorker worker) {
        this.worker = worker;
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
}
