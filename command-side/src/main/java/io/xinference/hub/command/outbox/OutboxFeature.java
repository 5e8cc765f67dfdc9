package io.xinference.hub.command.outbox;

import java.time.Instant;

/**
 * One feature's side of the outbox (mails, webhook deliveries, repository syncs): its rows are written by its event
 * handler in the {@link OutboxProcessing} batch, and done here when due. {@link OutboxPoller} runs each feature on
 * a thread of its own, so a slow receiver of one holds up none of the others.
 */
public interface OutboxFeature {

    /** The feature's name in {@link OutboxBacklog} and in logs. */
    String name();

    /** Does what is due now (up to a batch), each row claimed for a lease; returns how many rows it handled. */
    int runDue();

    /** Forgets rows finished before the feature's retention; returns how many. */
    default int forgetFinished(Instant now) {
        return 0;
    }
}
