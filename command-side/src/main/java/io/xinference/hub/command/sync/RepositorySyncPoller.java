package io.xinference.hub.command.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Checks the persistent schedule for due syncs; the schedule, not this timer, is what survives a restart. */
public class RepositorySyncPoller {

    private static final Logger log = LoggerFactory.getLogger(RepositorySyncPoller.class);

    private final RepositorySyncWorker worker;

    public RepositorySyncPoller(RepositorySyncWorker worker) {
        this.worker = worker;
    }

    @Scheduled(fixedDelayString = "${hub.sync.poll-interval:5s}", initialDelayString = "${hub.sync.poll-interval:5s}")
    public void runDueSyncs() {
        try {
            worker.runDueSyncs();
        } catch (RuntimeException e) {
            // the database may be briefly away; the next poll tries again and nothing due is lost
            log.warn("repository sync poll failed", e);
        }
    }
}
