package io.xinference.hub.command.webhook;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.List;

/**
 * One delivery of one event to one webhook, as the log shows it.
 *
 * @param status        PENDING (waiting for its first or next attempt), DELIVERED (a 2xx answer), FAILED (gave up)
 * @param redeliveryOf  the delivery this one repeats, if its owner asked for a redelivery
 * @param lastLatencyMs how long the last attempt took: kept for operators, never shown to the owner (timings of
 *                      refused or unanswered attempts would tell what listens in the hub's network)
 * @param lastError     the outcome's wording only: refused by policy, failed with HTTP n, no answer
 */
public record Delivery(String id, String webhookId, String eventId, EventKind eventKind, String modelId,
                       String redeliveryOf, String status, int attempts, Instant nextAttemptAt, Integer lastStatus,
                       String lastError, @JsonIgnore Long lastLatencyMs, Instant createdAt, Instant deliveredAt,
                       List<Attempt> attemptLog) {

    /** One HTTP attempt: the answer's status (none when the receiver did not answer) and its outcome. */
    public record Attempt(int attempt, Instant attemptedAt, Integer httpStatus, @JsonIgnore long latencyMs,
                          String error) {
    }
}
