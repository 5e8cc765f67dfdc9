package io.xinference.hub.command.outbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Takes the most overdue row of a persistent schedule table for a lease: the row needs {@code due_at} and
 * {@code claimed_until} columns. {@code SKIP LOCKED} lets several instances poll one table; a run that dies keeps
 * its row only until the lease ends, then another run takes it again. Table and column names are the caller's
 * constants, never user input.
 */
public final class LeasedClaims<T> {

    private final JdbcTemplate jdbc;
    private final String sql;
    private final RowMapper<T> rows;

    /**
     * @param table     the schedule table
     * @param key       its primary key column
     * @param pending   the SQL condition of a row that still has work (e.g. {@code status = 'PENDING'})
     * @param returning the columns {@code rows} reads
     */
    public LeasedClaims(JdbcTemplate jdbc, String table, String key, String pending, String returning,
                        RowMapper<T> rows) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.sql = "UPDATE " + table + " SET claimed_until = ? WHERE " + key + " = ("
                + " SELECT " + key + " FROM " + table
                + " WHERE (" + pending + ") AND due_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)"
                + " ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED)"
                + " RETURNING " + returning;
    }

    public Optional<T> claimNext(Instant now, Duration lease) {
        return jdbc.query(sql, rows, utc(now.plus(lease)), utc(now), utc(now)).stream().findFirst();
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
