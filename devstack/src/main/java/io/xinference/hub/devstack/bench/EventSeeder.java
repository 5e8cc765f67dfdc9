package io.xinference.hub.devstack.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Fills the event store fast, inside PostgreSQL: copies of whole models the command API created (every event of
 * each, in order), each copy with its own model id, event ids and name ({@code <name>-<tag><copy>}), appended with
 * consecutive global indices in one transaction per chunk, so the tracking processors see no gaps.
 */
final class EventSeeder {

    private static final int COPIES_PER_CHUNK = 200;

    private final RawEventInserts database;
    private final List<String> templateIds;
    private final String tag;
    private final boolean registrationsOnly;
    private int copiesMade;

    /**
     * @param tag tells this seeder's copies from another's made of the same models (ids, names)
     * @param registrationsOnly copy each model's registration only (one event per model), not its whole history
     */
    EventSeeder(RawEventInserts database, List<String> templateIds, String tag, boolean registrationsOnly) {
        this.database = database;
        this.templateIds = templateIds;
        this.tag = tag;
        this.registrationsOnly = registrationsOnly;
    }

    /** Events per copy of the whole template set. */
    long eventsPerCopy() throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ANY (?)"
                        + (registrationsOnly ? " AND sequence_number = 0" : ""))) {
            count.setArray(1, connection.createArrayOf("varchar", templateIds.toArray()));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    int modelsPerCopy() {
        return templateIds.size();
    }

    /** Appends {@code copies} more copies of the template models; @return the events appended */
    long addCopies(int copies) throws SQLException {
        long appended = 0;
        int target = copiesMade + copies;
        while (copiesMade < target) {
            int from = copiesMade + 1;
            int to = Math.min(target, copiesMade + COPIES_PER_CHUNK);
            appended += appendChunk(from, to);
            copiesMade = to;
            Progress.say("  seeded copies %d..%d (%,d events so far in this step)", from, to, appended);
        }
        return appended;
    }

    private long appendChunk(int fromCopy, int toCopy) throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (Statement lock = connection.createStatement()) {
                // commands are idle while seeding; the lock keeps two seeders (or a stray append) from interleaving
                lock.execute("LOCK TABLE domain_event_entry IN EXCLUSIVE MODE");
            }
            long rows;
            try (PreparedStatement insert = connection.prepareStatement("""
                    WITH names AS (
                        SELECT aggregate_identifier AS id,
                               convert_from(payload, 'UTF8')::jsonb ->> 'modelName' AS name
                        FROM domain_event_entry
                        WHERE aggregate_identifier = ANY (?) AND sequence_number = 0),
                    copies AS (
                        SELECT e.*, n.name, c AS copy,
                               md5(e.aggregate_identifier || '/' || ? || c)::uuid::text AS new_id,
                               row_number() OVER (ORDER BY c, e.global_index) AS position
                        FROM domain_event_entry e JOIN names n ON n.id = e.aggregate_identifier
                        CROSS JOIN generate_series(?, ?) AS c
                        WHERE e.sequence_number <= ?),
                    base AS (SELECT max(global_index) AS top FROM domain_event_entry)
                    INSERT INTO domain_event_entry (global_index, sequence_number, meta_data, payload,
                        aggregate_identifier, event_identifier, payload_revision, payload_type, time_stamp, type)
                    SELECT base.top + position, sequence_number, meta_data,
                           convert_to(replace(replace(convert_from(payload, 'UTF8'), aggregate_identifier, new_id),
                                      '"' || name || '"', '"' || name || '-' || ? || copy || '"'), 'UTF8'),
                           new_id, md5(event_identifier || '/' || ? || copy)::uuid::text, payload_revision, payload_type,
                           time_stamp, type
                    FROM copies, base""")) {
                insert.setArray(1, connection.createArrayOf("varchar", templateIds.toArray()));
                insert.setString(2, tag);
                insert.setInt(3, fromCopy);
                insert.setInt(4, toCopy);
                insert.setLong(5, registrationsOnly ? 0 : Long.MAX_VALUE);
                insert.setString(6, tag);
                insert.setString(7, tag);
                rows = insert.executeUpdate();
            }
            try (Statement sequence = connection.createStatement()) {
                sequence.execute("SELECT setval('domain_event_entry_seq', (SELECT max(global_index) FROM domain_event_entry))");
            }
            connection.commit();
            return rows;
        }
    }
}
