package io.xinference.hub.command.outbox;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.xinference.hub.command.outbox.LeasedClaims.utc;

/**
 * What the outbox still has to do, per feature, in one statement: the poller asks it before waking any feature
 * (an idle hub costs one read per poll, not one claim per feature), and it is the backlog a metric can show.
 * Due rows are pending and due now, not claimed by a live run; pending rows include those waiting for a retry.
 */
public class OutboxBacklog {

    public static final String MAIL = "mail";
    public static final String WEBHOOK = "webhook";
    public static final String REPOSITORY_SYNC = "repository-sync";

    private static final String DUE = "due_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)";
    private static final String SQL = "SELECT"
            + " (SELECT count(*) FROM mail_outbox WHERE status = 'PENDING') AS mail_pending,"
            + " (SELECT count(*) FROM mail_outbox WHERE status = 'PENDING' AND " + DUE + ") AS mail_due,"
            + " (SELECT count(*) FROM webhook_delivery WHERE status = 'PENDING') AS webhook_pending,"
            + " (SELECT count(*) FROM webhook_delivery WHERE status = 'PENDING' AND " + DUE
            + "    AND webhook_id IN (SELECT id FROM webhook WHERE active)) AS webhook_due,"
            + " (SELECT count(*) FROM repository_sync WHERE pending_change IS NOT NULL) AS sync_pending,"
            + " (SELECT count(*) FROM repository_sync WHERE pending_change IS NOT NULL AND " + DUE + ") AS sync_due";

    private final JdbcTemplate jdbc;

    public OutboxBacklog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Per feature ({@link #MAIL}, {@link #WEBHOOK}, {@link #REPOSITORY_SYNC}): rows pending and rows due now. */
    public Map<String, Counts> at(Instant now) {
        Object[] args = {utc(now), utc(now), utc(now), utc(now), utc(now), utc(now)};
        return jdbc.queryForObject(SQL, (rs, row) -> {
            Map<String, Counts> counts = new LinkedHashMap<>();
            counts.put(MAIL, new Counts(rs.getLong("mail_pending"), rs.getLong("mail_due")));
            counts.put(WEBHOOK, new Counts(rs.getLong("webhook_pending"), rs.getLong("webhook_due")));
            counts.put(REPOSITORY_SYNC, new Counts(rs.getLong("sync_pending"), rs.getLong("sync_due")));
            return counts;
        }, args);
    }

    /** Every pending row of every feature: the outbox's backlog as one number. */
    public long pending(Instant now) {
        return at(now).values().stream().mapToLong(Counts::pending).sum();
    }

    public record Counts(long pending, long due) {
    }
}
