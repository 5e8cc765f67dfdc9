package io.xinference.hub.query.integrity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Verifies the whole store on a schedule ({@code hub.integrity.verify-cron}, default 03:30 every night) and logs
 * the outcome, an error naming the first broken link when there is one, for alerting on the logs.
 */
@Component
public class NightlyVerification {

    private static final Logger log = LoggerFactory.getLogger(NightlyVerification.class);

    private final IntegrityVerifier verifier;

    public NightlyVerification(IntegrityVerifier verifier) {
        this.verifier = verifier;
    }

    @Scheduled(cron = "${hub.integrity.verify-cron:0 30 3 * * *}")
    public void verify() {
        IntegrityReport report = verifier.verifyStore();
        if (report.intact()) {
            log.info("event store intact: {} anchored events verified, {} not anchored yet, chain head {}",
                    report.eventsChecked(), report.unanchored(), report.chainHead());
        } else {
            log.error("event store tampered with: {}", report.firstBroken());
        }
    }
}
