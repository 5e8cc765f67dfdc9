package io.xinference.hub.command.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xinference.hub.command.outbox.LeasedClaims;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.sync.RepositoryChange;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The {@code repository_sync} table: the tracked public models and their pending syncs. Rows live in PostgreSQL,
 * so a sync waiting for its next attempt survives a restart. Writes from the event handler join the event
 * processor's transaction (together with its tracking token).
 */
public class SyncSchedule {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final LeasedClaims<SyncJob> claims;

    public SyncSchedule(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.claims = new LeasedClaims<>(jdbc, "repository_sync", "model_id", "pending_change IS NOT NULL",
                "model_id, model_name, model_type, pending_change, definition, changed_at, requested_by_subject,"
                        + " requested_by_username, attempts, request_seq",
                (rs, row) -> job(rs));
    }

    public Optional<TrackedModel> find(String modelId) {
        List<TrackedModel> found = jdbc.query("""
                SELECT model_id, model_name, model_type, owner_subject, owner_username, status, published,
                       definition, changed_at
                FROM repository_sync WHERE model_id = ?""", (rs, row) -> trackedModel(rs), modelId);
        return found.stream().findFirst();
    }

    /** Inserts or replaces what is known of the model; a pending sync stays as it is. */
    public void track(TrackedModel model) {
        jdbc.update("""
                        INSERT INTO repository_sync (model_id, model_name, model_type, owner_subject, owner_username,
                                                     status, published, definition, changed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (model_id) DO UPDATE SET
                            model_name = EXCLUDED.model_name,
                            status = EXCLUDED.status,
                            published = repository_sync.published OR EXCLUDED.published,
                            definition = EXCLUDED.definition,
                            changed_at = EXCLUDED.changed_at""",
                model.modelId(), model.modelName(), model.modelType().wire(),
                model.owner() == null ? null : model.owner().subject(),
                model.owner() == null ? null : model.owner().username(),
                model.status().name(), model.published(), text(model.definition()), utc(model.changedAt()));
    }

    /** Makes the model's sync due now, replacing any older pending one (only the latest state matters). */
    public void request(String modelId, RepositoryChange change, Actor requestedBy, Instant now) {
        jdbc.update("""
                        UPDATE repository_sync SET pending_change = ?, requested_by_subject = ?,
                            requested_by_username = ?, request_seq = request_seq + 1, due_at = ?, attempts = 0,
                            last_failure = NULL
                        WHERE model_id = ?""",
                change.name(), requestedBy.subject(), requestedBy.username(), utc(now), modelId);
    }

    /** Takes the most overdue sync for {@code lease}; a run that dies leaves it to be claimed again after that. */
    public Optional<SyncJob> claimNext(Instant now, Duration lease) {
        return claims.claimNext(now, lease);
    }

    /** The run ended for good (done, skipped or failed permanently); a newer request stays due. */
    public void finish(SyncJob job, String failure) {
        int updated = jdbc.update("""
                        UPDATE repository_sync SET pending_change = NULL, due_at = NULL, attempts = 0,
                            claimed_until = NULL, last_failure = ?
                        WHERE model_id = ? AND request_seq = ?""",
                failure, job.modelId(), job.requestSeq());
        if (updated == 0) {
            release(job);
        }
    }

    /** A transient failure: the same request is due again at {@code dueAt}. */
    public void retryAt(SyncJob job, int failedAttempts, Instant dueAt, String failure) {
        int updated = jdbc.update("""
                        UPDATE repository_sync SET attempts = ?, due_at = ?, claimed_until = NULL, last_failure = ?
                        WHERE model_id = ? AND request_seq = ?""",
                failedAttempts, utc(dueAt), failure, job.modelId(), job.requestSeq());
        if (updated == 0) {
            release(job);
        }
    }

    /** When the model's pending sync is due, if one is pending. */
    public Optional<Instant> dueAt(String modelId) {
        return jdbc.query("SELECT due_at FROM repository_sync WHERE model_id = ? AND pending_change IS NOT NULL",
                (rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant(), modelId).stream().findFirst();
    }

    private void release(SyncJob job) {
        jdbc.update("UPDATE repository_sync SET claimed_until = NULL WHERE model_id = ?", job.modelId());
    }

    private static TrackedModel trackedModel(ResultSet rs) throws SQLException {
        String ownerSubject = rs.getString("owner_subject");
        return new TrackedModel(rs.getString("model_id"), rs.getString("model_name"),
                ModelType.fromWire(rs.getString("model_type")).orElseThrow(),
                ownerSubject == null ? null : new Actor(ownerSubject, rs.getString("owner_username")),
                ModelStatus.valueOf(rs.getString("status")), rs.getBoolean("published"),
                json(rs.getString("definition")), rs.getObject("changed_at", OffsetDateTime.class).toInstant());
    }

    private static SyncJob job(ResultSet rs) throws SQLException {
        String subject = rs.getString("requested_by_subject");
        return new SyncJob(rs.getString("model_id"), rs.getString("model_name"),
                ModelType.fromWire(rs.getString("model_type")).orElseThrow(),
                RepositoryChange.valueOf(rs.getString("pending_change")), json(rs.getString("definition")),
                rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
                subject == null ? Actor.SYSTEM : new Actor(subject, rs.getString("requested_by_username")),
                rs.getInt("attempts"), rs.getLong("request_seq"));
    }

    private static String text(JsonNode definition) {
        try {
            return definition == null ? null : JSON.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a definition that was JSON cannot be written as JSON", e);
        }
    }

    /** Read with exact decimals, so floats reach the repository file with the digits they were written with. */
    private static JsonNode json(String text) {
        try {
            return text == null ? null : RepositoryJsonFormat.read(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
