package io.xinference.hub.query.integrity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Recomputes the hashes of anchored events from the rows the store holds now and checks every link. Streams
 * the anchors through a database cursor (fetch size {@value #FETCH_SIZE}) and stops at the first broken link,
 * so verifying the whole store needs constant memory. Each anchor row is joined with its model's previous
 * anchor and the store's previous anchor, so a link is checked without remembering earlier rows.
 */
@Component
public class IntegrityVerifier {

    static final int FETCH_SIZE = 500;

    private static final String ANCHORS = "SELECT i.anchor_seq, i.global_index AS anchored_index, "
            + "i.event_identifier AS anchored_event, i.aggregate_identifier AS anchored_aggregate, "
            + "i.sequence_number AS anchored_sequence, i.event_hash, i.model_chain_hash, i.store_chain_hash, "
            + "pm.model_chain_hash AS previous_model_hash, ps.store_chain_hash AS previous_store_hash, "
            + StoredEventRow.COLUMNS
            + " FROM event_integrity i"
            + " LEFT JOIN event_integrity pm ON pm.aggregate_identifier = i.aggregate_identifier"
            + "  AND pm.sequence_number = i.sequence_number - 1"
            + " LEFT JOIN event_integrity ps ON ps.anchor_seq = i.anchor_seq - 1"
            + " LEFT JOIN domain_event_entry e ON e.global_index = i.global_index";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public IntegrityVerifier(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** @return empty-handed report (no events checked) for a model the store and the anchors do not know */
    public IntegrityReport verifyModel(String modelId) {
        return readOnly.execute(status -> {
            Checked checked = jdbc.query(ANCHORS + " WHERE i.aggregate_identifier = ? ORDER BY i.sequence_number",
                    this::firstBroken, modelId);
            Unanchored unanchored = jdbc.queryForObject("SELECT count(*), min(global_index) FROM domain_event_entry e"
                            + " WHERE e.aggregate_identifier = ? AND NOT EXISTS"
                            + " (SELECT 1 FROM event_integrity i WHERE i.global_index = e.global_index)",
                    (rs, n) -> Unanchored.of(rs), modelId);
            return report("model " + modelId, checked, unanchored);
        });
    }

    public IntegrityReport verifyStore() {
        return readOnly.execute(status -> {
            Checked checked = jdbc.query(ANCHORS + " ORDER BY i.anchor_seq", this::firstBroken);
            Unanchored unanchored = jdbc.queryForObject("SELECT count(*), min(global_index) FROM domain_event_entry e"
                            + " WHERE NOT EXISTS (SELECT 1 FROM event_integrity i WHERE i.global_index = e.global_index)",
                    (rs, n) -> Unanchored.of(rs));
            return report("store", checked, unanchored);
        });
    }

    private static IntegrityReport report(String scope, Checked checked, Unanchored unanchored) {
        return new IntegrityReport(scope, checked.broken() == null, checked.count(), checked.broken(),
                unanchored.count(), unanchored.firstGlobalIndex(), EventHashes.hex(checked.lastStoreLink()));
    }

    private Checked firstBroken(ResultSet rs) throws SQLException {
        long count = 0;
        byte[] lastStoreLink = null;
        while (rs.next()) {
            count++;
            IntegrityReport.BrokenLink broken = check(rs);
            lastStoreLink = rs.getBytes("store_chain_hash");
            if (broken != null) {
                return new Checked(count, broken, lastStoreLink);
            }
        }
        return new Checked(count, null, lastStoreLink);
    }

    private static IntegrityReport.BrokenLink check(ResultSet rs) throws SQLException {
        long anchorSeq = rs.getLong("anchor_seq");
        long globalIndex = rs.getLong("anchored_index");
        String eventId = rs.getString("anchored_event");
        String modelId = rs.getString("anchored_aggregate");
        long sequence = rs.getLong("anchored_sequence");
        byte[] eventHash = rs.getBytes("event_hash");
        StoredEventRow row = StoredEventRow.read(rs);
        if (row == null) {
            return broken(IntegrityReport.Problem.MISSING, globalIndex, eventId, modelId, sequence,
                    "the anchored event's row is no longer in domain_event_entry");
        }
        if (!Arrays.equals(EventHashes.hash(row), eventHash)) {
            return broken(IntegrityReport.Problem.ALTERED, globalIndex, eventId, modelId, sequence,
                    "the stored row no longer matches the hash recorded when it was anchored");
        }
        byte[] previousModel = rs.getBytes("previous_model_hash");
        if (sequence > 0 && previousModel == null) {
            return broken(IntegrityReport.Problem.MODEL_CHAIN_BROKEN, globalIndex, eventId, modelId, sequence,
                    "the anchor of the model's previous event is missing");
        }
        if (!Arrays.equals(EventHashes.link(previousModel == null ? EventHashes.GENESIS : previousModel, eventHash),
                rs.getBytes("model_chain_hash"))) {
            return broken(IntegrityReport.Problem.MODEL_CHAIN_BROKEN, globalIndex, eventId, modelId, sequence,
                    "the link to the model's previous event does not hold");
        }
        byte[] previousStore = rs.getBytes("previous_store_hash");
        if (anchorSeq > 1 && previousStore == null) {
            return broken(IntegrityReport.Problem.STORE_CHAIN_BROKEN, globalIndex, eventId, modelId, sequence,
                    "the store's previous anchor (#" + (anchorSeq - 1) + ") is missing");
        }
        if (!Arrays.equals(EventHashes.link(previousStore == null ? EventHashes.GENESIS : previousStore, eventHash),
                rs.getBytes("store_chain_hash"))) {
            return broken(IntegrityReport.Problem.STORE_CHAIN_BROKEN, globalIndex, eventId, modelId, sequence,
                    "the link to the store's previous anchor does not hold");
        }
        return null;
    }

    private static IntegrityReport.BrokenLink broken(IntegrityReport.Problem problem, long globalIndex,
                                                     String eventId, String modelId, long sequence, String detail) {
        return new IntegrityReport.BrokenLink(problem, globalIndex, eventId, modelId, sequence, detail);
    }

    private record Checked(long count, IntegrityReport.BrokenLink broken, byte[] lastStoreLink) {
    }

    private record Unanchored(long count, Long firstGlobalIndex) {
        static Unanchored of(ResultSet rs) throws SQLException {
            long count = rs.getLong(1);
            long first = rs.getLong(2);
            return new Unanchored(count, rs.wasNull() ? null : first);
        }
    }
}
