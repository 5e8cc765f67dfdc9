package io.xinference.hub.query.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;

/** One row of Axon's {@code domain_event_entry} exactly as stored: the bytes and strings the hash covers. */
public record StoredEventRow(long globalIndex, String eventIdentifier, String aggregateIdentifier,
                             long sequenceNumber, String type, String timeStamp, String payloadType,
                             String payloadRevision, byte[] payload, byte[] metaData) {

    static final String COLUMNS = "e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, "
            + "e.type, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data";

    /** Reads the columns of {@link #COLUMNS}; null when the row is absent (an outer join found no event). */
    static StoredEventRow read(ResultSet rs) throws SQLException {
        long globalIndex = rs.getLong("global_index");
        if (rs.wasNull()) {
            return null;
        }
        return new StoredEventRow(globalIndex, rs.getString("event_identifier"), rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number"), rs.getString("type"), rs.getString("time_stamp"),
                rs.getString("payload_type"), rs.getString("payload_revision"), rs.getBytes("payload"),
                rs.getBytes("meta_data"));
    }
}
