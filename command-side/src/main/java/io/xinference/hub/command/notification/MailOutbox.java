package io.xinference.hub.command.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xinference.hub.command.outbox.LeasedClaims;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static io.xinference.hub.command.outbox.LeasedClaims.utc;

/**
 * The {@code mail_outbox} table: mails to send, each due at a time. Queued in the transaction of whatever caused
 * them (the event processor with its token, or a webhook being paused), so a crash loses none and sends none twice
 * for one cause; sent by {@link MailWorker} when due.
 */
public class MailOutbox {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final LeasedClaims<MailJob> claims;

    public MailOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.claims = new LeasedClaims<>(jdbc, "mail_outbox", "id", "status = 'PENDING'",
                "id, kind, recipient_subject, model_id, data, attempts",
                (rs, row) -> new MailJob(rs.getLong("id"), MailKind.valueOf(rs.getString("kind")),
                        rs.getString("recipient_subject"), rs.getString("model_id"), read(rs.getString("data")),
                        rs.getInt("attempts")));
    }

    public void queue(MailKind kind, String recipientSubject, String modelId, Map<String, Object> data,
                      Instant dueAt, Instant now) {
        jdbc.update("""
                        INSERT INTO mail_outbox (kind, recipient_subject, model_id, data, status, due_at, created_at)
                        VALUES (?, ?, ?, ?, 'PENDING', ?, ?)""",
                kind.name(), recipientSubject, modelId, write(data), utc(dueAt), utc(now));
    }

    /** Drops the model's mails of that kind not sent yet (a reminder for a date that changed). */
    public void cancelPending(String modelId, MailKind kind, Instant now) {
        jdbc.update("""
                        UPDATE mail_outbox SET status = 'CANCELLED', finished_at = ?, claimed_until = NULL
                        WHERE model_id = ? AND kind = ? AND status = 'PENDING'""",
                utc(now), modelId, kind.name());
    }

    public Optional<MailJob> claimNext(Instant now, Duration lease) {
        return claims.claimNext(now, lease);
    }

    /** SENT, SKIPPED (opted out, no address) or FAILED (gave up): no more attempts. */
    public void finish(MailJob job, String status, String reason, Instant now) {
        jdbc.update("""
                        UPDATE mail_outbox SET status = ?, last_failure = ?, finished_at = ?, claimed_until = NULL,
                            attempts = attempts + CASE WHEN ? = 'FAILED' THEN 1 ELSE 0 END
                        WHERE id = ? AND status = 'PENDING'""",
                status, reason, utc(now), status, job.id());
    }

    public void retryAt(MailJob job, Instant dueAt, String reason) {
        jdbc.update("""
                        UPDATE mail_outbox SET attempts = attempts + 1, due_at = ?, last_failure = ?, claimed_until = NULL
                        WHERE id = ? AND status = 'PENDING'""",
                utc(dueAt), reason, job.id());
    }

    /** Forgets mails finished (sent, skipped, cancelled, failed) before {@code cutoff}; returns how many. */
    public int forgetFinishedBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM mail_outbox WHERE status <> 'PENDING' AND finished_at < ?", utc(cutoff));
    }

    private static String write(Map<String, Object> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("mail data must be plain JSON values", e);
        }
    }

    private static Map<String, Object> read(String data) {
        try {
            return JSON.readValue(data, DATA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("mail_outbox.data is not the JSON it was written as", e);
        }
    }
}
