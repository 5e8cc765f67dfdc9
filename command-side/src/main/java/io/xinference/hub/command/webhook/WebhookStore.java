package io.xinference.hub.command.webhook;

import io.xinference.hub.command.usercenter.TokenCipher;
import io.xinference.hub.events.Actor;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.xinference.hub.command.outbox.LeasedClaims.utc;

/** The {@code webhook} and {@code webhook_model} tables. */
public class WebhookStore {

    private static final String COLUMNS = "id, owner_subject, owner_username, url, event_kinds, scope, active,"
            + " paused_reason, consecutive_failures, created_at, updated_at";

    private final JdbcTemplate jdbc;

    public WebhookStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void create(Webhook hook, TokenCipher.SealedToken secret) {
        jdbc.update("INSERT INTO webhook (" + COLUMNS + ", secret_nonce, secret_ciphertext)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                hook.id(), hook.owner().subject(), hook.owner().username(), hook.url(), kinds(hook.eventKinds()),
                hook.scope().name(), hook.active(), hook.pausedReason(), hook.consecutiveFailures(),
                utc(hook.createdAt()), utc(hook.updatedAt()), secret.nonce(), secret.ciphertext());
    }

    public Optional<Webhook> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook WHERE id = ?", (rs, row) -> webhook(rs), id)
                .stream().findFirst();
    }

    public List<Webhook> ownedBy(String subject) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook WHERE owner_subject = ? ORDER BY created_at",
                (rs, row) -> webhook(rs), subject);
    }

    public int countOwnedBy(String subject) {
        return jdbc.queryForObject("SELECT count(*) FROM webhook WHERE owner_subject = ?", Integer.class, subject);
    }

    /** The hooks that might receive an event of a model with this owner; {@link WebhookRouting} decides. */
    public List<Webhook> candidatesFor(String modelOwnerSubject) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook WHERE active AND (scope = 'ALL_PUBLIC'"
                + " OR (scope = 'OWN_MODELS' AND owner_subject = ?))", (rs, row) -> webhook(rs), modelOwnerSubject);
    }

    /** Changes what the owner may change; resuming also forgets the failures that paused it. */
    public void update(String id, String url, Set<EventKind> eventKinds, boolean active, Instant now) {
        jdbc.update("""
                        UPDATE webhook SET url = ?, event_kinds = ?,
                            consecutive_failures = CASE WHEN ? AND NOT active THEN 0 ELSE consecutive_failures END,
                            paused_reason = CASE WHEN ? THEN NULL ELSE paused_reason END,
                            active = ?, updated_at = ?
                        WHERE id = ?""",
                url, kinds(eventKinds), active, active, active, utc(now), id);
    }

    public void delete(String id) {
        jdbc.update("DELETE FROM webhook WHERE id = ?", id);
    }

    public TokenCipher.SealedToken secretOf(String id) {
        return jdbc.queryForObject("SELECT secret_nonce, secret_ciphertext FROM webhook WHERE id = ?",
                (rs, row) -> new TokenCipher.SealedToken(rs.getBytes(1), rs.getBytes(2)), id);
    }

    public void succeeded(String id) {
        jdbc.update("UPDATE webhook SET consecutive_failures = 0 WHERE id = ? AND consecutive_failures > 0", id);
    }

    /**
     * Counts a failed attempt; pauses the hook when this one reaches {@code pauseAfter}.
     *
     * @return true when this call paused it (so its owner is told exactly once)
     */
    public boolean failed(String id, int pauseAfter, String reason, Instant now) {
        Boolean paused = jdbc.queryForObject("""
                        UPDATE webhook SET consecutive_failures = consecutive_failures + 1,
                            active = CASE WHEN consecutive_failures + 1 >= ? THEN false ELSE active END,
                            paused_reason = CASE WHEN active AND consecutive_failures + 1 >= ? THEN ? ELSE paused_reason END,
                            updated_at = ?
                        WHERE id = ?
                        RETURNING (paused_reason IS NOT NULL AND NOT active AND consecutive_failures = ?)""",
                Boolean.class, pauseAfter, pauseAfter, reason, utc(now), id, pauseAfter);
        return Boolean.TRUE.equals(paused);
    }

    public void rememberOwner(String modelId, String ownerSubject) {
        jdbc.update("INSERT INTO webhook_model (model_id, owner_subject) VALUES (?, ?)"
                + " ON CONFLICT (model_id) DO NOTHING", modelId, ownerSubject);
    }

    public Optional<String> ownerOf(String modelId) {
        return jdbc.queryForList("SELECT owner_subject FROM webhook_model WHERE model_id = ?", String.class, modelId)
                .stream().findFirst();
    }

    private static String kinds(Set<EventKind> kinds) {
        return kinds.stream().map(EventKind::wire).sorted().collect(Collectors.joining(","));
    }

    private static Webhook webhook(ResultSet rs) throws SQLException {
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        Arrays.stream(rs.getString("event_kinds").split(",")).map(EventKind::fromWire)
                .flatMap(Optional::stream).forEach(kinds::add);
        return new Webhook(rs.getString("id"), new Actor(rs.getString("owner_subject"), rs.getString("owner_username")),
                rs.getString("url"), kinds, WebhookScope.valueOf(rs.getString("scope")), rs.getBoolean("active"),
                rs.getString("paused_reason"), rs.getInt("consecutive_failures"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
