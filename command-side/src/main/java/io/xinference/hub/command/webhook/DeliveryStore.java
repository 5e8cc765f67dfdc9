package io.xinference.hub.command.webhook;

import io.xinference.hub.command.outbox.LeasedClaims;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.xinference.hub.command.outbox.LeasedClaims.utc;

/**
 * The {@code webhook_delivery} table (the persistent retry schedule and the delivery log in one) and its
 * {@code webhook_delivery_attempt} rows. Deliveries of a paused webhook wait and are not claimed.
 */
public class DeliveryStore {

    private static final String COLUMNS = "id, webhook_id, event_id, event_kind, model_id, redelivery_of, status,"
            + " attempts, due_at, last_status, last_error, last_latency_ms, created_at, delivered_at";

    private final JdbcTemplate jdbc;
    private final LeasedClaims<DeliveryJob> claims;

    public DeliveryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.claims = new LeasedClaims<>(jdbc, "webhook_delivery", "id",
                "status = 'PENDING' AND webhook_id IN (SELECT id FROM webhook WHERE active)",
                "id, webhook_id, event_kind, body, attempts,"
                        + " (SELECT url FROM webhook WHERE webhook.id = webhook_delivery.webhook_id) AS url",
                (rs, row) -> new DeliveryJob(rs.getString("id"), rs.getString("webhook_id"), rs.getString("url"),
                        EventKind.fromWire(rs.getString("event_kind")).orElseThrow(), rs.getString("body"),
                        rs.getInt("attempts")));
    }

    /** Queues the event for the hook, due now; an event already queued for it (a replay) is not queued again. */
    public void queue(String webhookId, String eventId, EventKind kind, String modelId, String body, Instant now) {
        jdbc.update("""
                        INSERT INTO webhook_delivery (id, webhook_id, event_id, event_kind, model_id, body, status,
                                                      due_at, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)
                        ON CONFLICT (webhook_id, event_id) WHERE redelivery_of IS NULL DO NOTHING""",
                UUID.randomUUID().toString(), webhookId, eventId, kind.wire(), modelId, body, utc(now), utc(now));
    }

    /** A new delivery of the same body, due now. */
    public String redeliver(Delivery original, Instant now) {
        String id = UUID.randomUUID().toString();
        jdbc.update("""
                        INSERT INTO webhook_delivery (id, webhook_id, event_id, event_kind, model_id, body, redelivery_of,
                                                      status, due_at, created_at)
                        SELECT ?, webhook_id, event_id, event_kind, model_id, body, id, 'PENDING', ?, ?
                        FROM webhook_delivery WHERE id = ?""",
                id, utc(now), utc(now), original.id());
        return id;
    }

    public Optional<DeliveryJob> claimNext(Instant now, Duration lease) {
        return claims.claimNext(now, lease);
    }

    public void recordAttempt(DeliveryJob job, int attempt, Instant at, Integer httpStatus, long latencyMs,
                              String error) {
        jdbc.update("""
                        INSERT INTO webhook_delivery_attempt (delivery_id, attempt, attempted_at, http_status,
                                                              latency_ms, error)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                job.id(), attempt, utc(at), httpStatus, latencyMs, error);
    }

    public void delivered(DeliveryJob job, int attempt, int httpStatus, long latencyMs, Instant now) {
        jdbc.update("""
                        UPDATE webhook_delivery SET status = 'DELIVERED', attempts = ?, due_at = NULL,
                            claimed_until = NULL, last_status = ?, last_error = NULL, last_latency_ms = ?,
                            delivered_at = ?
                        WHERE id = ?""",
                attempt, httpStatus, latencyMs, utc(now), job.id());
    }

    /** A failed attempt: due again at {@code retryAt}, or FAILED for good when that is {@code null}. */
    public void failed(DeliveryJob job, int attempt, Integer httpStatus, String error, long latencyMs,
                       Instant retryAt) {
        jdbc.update("""
                        UPDATE webhook_delivery SET status = ?, attempts = ?, due_at = ?, claimed_until = NULL,
                            last_status = ?, last_error = ?, last_latency_ms = ?
                        WHERE id = ?""",
                retryAt == null ? "FAILED" : "PENDING", attempt, utc(retryAt), httpStatus, error, latencyMs, job.id());
    }

    public Optional<Delivery> find(String webhookId, String deliveryId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_delivery WHERE webhook_id = ? AND id = ?",
                (rs, row) -> delivery(rs), webhookId, deliveryId).stream().findFirst();
    }

    /** The newest deliveries first, each with its attempts. */
    public List<Delivery> log(String webhookId, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_delivery WHERE webhook_id = ?"
                        + " ORDER BY created_at DESC, id LIMIT ?", (rs, row) -> delivery(rs), webhookId, limit);
    }

    /** Forgets finished deliveries (with their attempts) created before {@code cutoff}; returns how many. */
    public int forgetFinishedBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM webhook_delivery WHERE status <> 'PENDING' AND created_at < ?", utc(cutoff));
    }

    private Delivery delivery(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        List<Delivery.Attempt> attempts = jdbc.query("""
                        SELECT attempt, attempted_at, http_status, latency_ms, error FROM webhook_delivery_attempt
                        WHERE delivery_id = ? ORDER BY attempt""",
                (a, row) -> new Delivery.Attempt(a.getInt("attempt"), instant(a, "attempted_at"),
                        (Integer) a.getObject("http_status"), a.getLong("latency_ms"), a.getString("error")), id);
        return new Delivery(id, rs.getString("webhook_id"), rs.getString("event_id"),
                EventKind.fromWire(rs.getString("event_kind")).orElseThrow(), rs.getString("model_id"),
                rs.getString("redelivery_of"), rs.getString("status"), rs.getInt("attempts"),
                "PENDING".equals(rs.getString("status")) ? instant(rs, "due_at") : null,
                (Integer) rs.getObject("last_status"), rs.getString("last_error"),
                (Long) rs.getObject("last_latency_ms"), instant(rs, "created_at"), instant(rs, "delivered_at"),
                attempts);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
