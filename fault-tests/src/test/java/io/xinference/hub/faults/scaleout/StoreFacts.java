package io.xinference.hub.faults.scaleout;

import io.xinference.hub.faults.apps.HubStack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the event store and the token store of a {@link HubStack} hold: the truth the projections must match. */
final class StoreFacts {

    /** A model as its events say: last sequence number, last README, every event id. */
    record StoredModel(String modelId, long lastSequence, String readme, List<String> eventIds) {
    }

    private final HubStack stack;

    StoreFacts(HubStack stack) {
        this.stack = stack;
    }

    /** Every model whose registration's model name starts with {@code namePrefix}. */
    Map<String, StoredModel> models(String namePrefix) throws SQLException {
        Map<String, StoredModel> models = new TreeMap<>();
        try (Connection connection = stack.openConnection(); PreparedStatement select = connection.prepareStatement("""
                SELECT e.aggregate_identifier, e.sequence_number, e.event_identifier,
                       convert_from(e.payload, 'UTF8')::jsonb ->> 'readme' AS readme
                FROM domain_event_entry e
                WHERE e.aggregate_identifier IN (
                    SELECT aggregate_identifier FROM domain_event_entry
                    WHERE sequence_number = 0 AND payload_type LIKE '%ModelRegistered'
                      AND convert_from(payload, 'UTF8')::jsonb ->> 'modelName' LIKE ?)
                ORDER BY e.aggregate_identifier, e.sequence_number""")) {
            select.setString(1, namePrefix + "%");
            try (ResultSet rows = select.executeQuery()) {
                String id = null;
                long last = -1;
                String readme = null;
                List<String> events = new ArrayList<>();
                while (rows.next()) {
                    String next = rows.getString(1);
                    if (!next.equals(id)) {
                        if (id != null) {
                            models.put(id, new StoredModel(id, last, readme, events));
                        }
                        id = next;
                        readme = null;
                        events = new ArrayList<>();
                    }
                    last = rows.getLong(2);
                    events.add(rows.getString(3));
                    if (rows.getString(4) != null) {
                        readme = rows.getString(4);
                    }
                }
                if (id != null) {
                    models.put(id, new StoredModel(id, last, readme, events));
                }
            }
        }
        return models;
    }

    long eventCount() throws SQLException {
        try (Connection connection = stack.openConnection(); PreparedStatement select =
                connection.prepareStatement("SELECT count(*) FROM domain_event_entry");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Segment → owner of a processor's token claims ({@code null} owner: unclaimed). */
    Map<Integer, String> owners(String processor) throws SQLException {
        Map<Integer, String> owners = new LinkedHashMap<>();
        try (Connection connection = stack.openConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT segment, owner FROM token_entry WHERE processor_name = ? ORDER BY segment")) {
            select.setString(1, processor);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    owners.put(rows.getInt(1), rows.getString(2));
                }
            }
        }
        return owners;
    }
}
