package io.xinference.hub.query.replay;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The rebuilds of every query-side instance, in the shared database ({@code projection_rebuild}): at most one
 * unfinished rebuild per projection in the whole deployment, who runs it (this instance's node name is the one
 * Axon's JPA token store writes as a claim's owner), and its heartbeat. Times are the database's clock, so
 * instances on hosts with skewed clocks agree on what is stale.
 */
@Component
public class RebuildRegistry {

    /** A rebuild another instance stopped running (its heartbeat went stale) and this one now owns. */
    record TakenOver(String id, String projection, String abandonedIndex, int attempt) {
    }

    private final JdbcTemplate jdbc;
    private final RebuildProperties properties;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    public RebuildRegistry(JdbcTemplate jdbc, RebuildProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** This instance as token claims name it (Axon's default owner: {@code pid@host}). */
    public String node() {
        return node;
    }

    /** Records a new rebuild run here; 409 when one of this projection is unfinished on any instance. */
    void begin(Rebuild rebuild) {
        try {
            jdbc.update("INSERT INTO projection_rebuild (id, projection, phase, node) VALUES (?, ?, ?, ?)",
                    rebuild.id(), rebuild.projection(), rebuild.phase().name(), node);
        } catch (DuplicateKeyException e) {
            List<String> running = jdbc.query("SELECT id, node, phase,"
                            + " now() - heartbeat > make_interval(secs => ?) AS stale"
                            + " FROM projection_rebuild WHERE projection = ? AND finished_at IS NULL",
                    (row, n) -> "rebuild " + row.getString("id") + " (" + row.getString("phase") + ") on "
                            + row.getString("node") + (row.getBoolean("stale")
                            ? ", whose instance stopped answering: another instance restarts it within seconds"
                            : ""),
                    interval(properties.staleAfter()), rebuild.projection());
            throw new ResponseStatusException(HttpStatus.CONFLICT, "a rebuild of " + rebuild.projection()
                    + " is already running: " + String.join("; ", running));
        }
    }

    /**
     * Refreshes the heartbeat (and phase, new index) of a rebuild this instance runs.
     *
     * @return false when this instance no longer owns it (another took it over after a stall): stop at once
     */
    boolean heartbeat(Rebuild rebuild) {
        return jdbc.update("UPDATE projection_rebuild SET heartbeat = now(), phase = ?, new_index = ?"
                        + " WHERE id = ? AND node = ? AND finished_at IS NULL",
                rebuild.phase().name(), rebuild.newIndex(), rebuild.id(), node) == 1;
    }

    void finish(Rebuild rebuild, String error) {
        jdbc.update("UPDATE projection_rebuild SET heartbeat = now(), phase = ?, new_index = ?, finished_at = now(),"
                        + " error = ? WHERE id = ? AND node = ? AND finished_at IS NULL",
                rebuild.phase().name(), rebuild.newIndex(), error, rebuild.id(), node);
    }

    /** Marks a rebuild this instance stops (graceful shutdown) as stale at once, for another to take over. */
    void release(Rebuild rebuild) {
        jdbc.update("UPDATE projection_rebuild SET heartbeat = '-infinity', new_index = ?"
                + " WHERE id = ? AND node = ? AND finished_at IS NULL", rebuild.newIndex(), rebuild.id(), node);
    }

    /** Takes over one unfinished rebuild whose instance stopped refreshing its heartbeat, if there is one. */
    Optional<TakenOver> takeOverStale() {
        List<TakenOver> taken = jdbc.query("""
                        UPDATE projection_rebuild SET node = ?, heartbeat = now(), phase = 'BUILDING',
                               attempt = attempt + 1
                        WHERE id = (SELECT id FROM projection_rebuild
                                    WHERE finished_at IS NULL AND now() - heartbeat > make_interval(secs => ?)
                                    ORDER BY started_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING id, projection, new_index, attempt""",
                (row, n) -> new TakenOver(row.getString("id"), row.getString("projection"),
                        row.getString("new_index"), row.getInt("attempt")),
                node, interval(properties.staleAfter()));
        return taken.stream().findFirst();
    }

    /** Whether another live instance is swapping a rebuild of this projection (this instance must pause). */
    boolean swappingElsewhere(String projection) {
        Boolean swapping = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM projection_rebuild"
                        + " WHERE projection = ? AND phase = 'SWAPPING' AND finished_at IS NULL AND node <> ?"
                        + " AND now() - heartbeat <= make_interval(secs => ?))",
                Boolean.class, projection, node, interval(properties.staleAfter()));
        return Boolean.TRUE.equals(swapping);
    }

    /**
     * Segments of this processor claimed by other instances whose claim is still valid (a claim older than the
     * token store's claim timeout belongs to nobody: any instance may take it).
     */
    List<String> claimsOfOthers(String processor, Duration claimTimeout) {
        return jdbc.query("SELECT segment, owner FROM token_entry WHERE processor_name = ? AND owner IS NOT NULL"
                        + " AND owner <> ? AND now() - \"timestamp\"::timestamptz < make_interval(secs => ?)"
                        + " ORDER BY segment",
                (row, n) -> "segment " + row.getInt("segment") + " held by " + row.getString("owner"),
                processor, node, interval(claimTimeout));
    }

    /** For {@code make_interval(secs => ?)}. */
    private static double interval(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
