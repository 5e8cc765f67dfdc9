package io.xinference.hub.faults.scaleout;

import io.xinference.hub.faults.apps.HubStack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A large event store in seconds: copies of models the command API created, every event of each in order, each
 * copy with its own model id, event ids and name ({@code <name>-c<copy>}), appended inside PostgreSQL with
 * consecutive global indices, one transaction per chunk (so processors see no gaps). Only while no command runs.
 */
final class EventCopies {

    private static final int COPIES_PER_CHUNK = 100;

    private EventCopies() {
    }

    /** @return the events appended */
    static long append(HubStack stack, List<String> modelIds, int copies) throws SQLException {
        long appended = 0;
        for (int from = 1; from <= copies; from += COPIES_PER_CHUNK) {
            appended += appendChunk(stack, modelIds, from, Math.min(copies, from + COPIES_PER_CHUNK - 1));
        }
        return appended;
    }

    private static long appendChunk(HubStack stack, List<String> modelIds, int from, int to) throws SQLException {
        try (Connection connection = stack.openConnection()) {
            connection.setAutoCommit(false);
            try (Statement lock = connection.createStatement()) {
                lock.execute("LOCK TABLE domain_event_entry IN EXCLUSIVE MODE");
            }
            long rows;
            try (PreparedStatement insert = connection.prepareStatement("""
                    WITH originals AS (
                        SELECT e.*, (SELECT convert_from(r.payload, 'UTF8')::jsonb ->> 'modelName'
                                     FROM domain_event_entry r
                                     WHERE r.aggregate_identifier = e.aggregate_identifier
                                       AND r.sequence_number = 0) AS name
                        FROM domain_event_entry e WHERE e.aggregate_identifier = ANY (?)),
                    copied AS (
                        SELECT o.*, c AS copy, gen_random_uuid()::text AS copy_id,
                               row_number() OVER (ORDER BY c, o.global_index) AS position
                        FROM originals o CROSS JOIN generate_series(?, ?) AS c),
                    ids AS (
                        SELECT aggregate_identifier, copy, min(copy_id) AS new_id
                        FROM copied GROUP BY aggregate_identifier, copy),
                    top AS (SELECT max(global_index) AS global_index FROM domain_event_entry)
                    INSERT INTO domain_event_entry (global_index, sequence_number, meta_data, payload,
                        aggregate_identifier, event_identifier, payload_revision, payload_type, time_stamp, type)
                    SELECT top.global_index + c.position, c.sequence_number, c.meta_data,
                           convert_to(replace(replace(convert_from(c.payload, 'UTF8'), c.aggregate_identifier, ids.new_id),
                                      '"' || c.name || '"', '"' || c.name || '-c' || c.copy || '"'), 'UTF8'),
                           ids.new_id, gen_random_uuid()::text, c.payload_revision, c.payload_type, c.time_stamp,
                           c.type
                    FROM copied c JOIN ids USING (aggregate_identifier, copy), top""")) {
                insert.setArray(1, connection.createArrayOf("varchar", modelIds.toArray()));
                insert.setInt(2, from);
                insert.setInt(3, to);
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
