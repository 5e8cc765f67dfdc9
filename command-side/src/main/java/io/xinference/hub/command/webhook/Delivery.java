package io.xinference.hub.command.webhook;

import java.time.Instant;
import java.util.List;

/**
 * One delivery of one event to one webhook, as the log shows it.
 *
 * @param status        PENDING (waiting for its first or next attempt), DELIVERED (a 2xx answer), FAILED (gave up)
 * @param redeliveryOf  the delivery this one repeats, if its owner asked for a redelivery
 * @param lastLatencyMs how long the last attempt took
 */
public record Delivery(String id, String webhookId, String eventId, EventKind eventKind, String modelId,
                       String redeliveryOf, String status, int attempts, Instant nextAttemptAt, Integer lastStatus,
                       String lastError, Long lastLatencyMs, Instant createdAt, Instant deliveredAt,
                       List<Attempt> attemptLog) {

    /** One HTTP attempt: the answer's status (none when the receiver did not answer) and how long it took. */
    public record Attempt(int attempt, Instant attemptedAt, Integer httpStatus, long latencyMs, String error) {
    }
}
