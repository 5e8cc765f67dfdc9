package io.xinference.hub.query.integrity;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Anchors every stored event: a tracking processor of its own ({@value #PROCESSING_GROUP}, one segment, so one
 * instance anchors in one order) reads the raw {@code domain_event_entry} row of each event it is handed and
 * records its hash, linked to the previous event of the same aggregate and to the previously anchored event of
 * the store. The processor's token lives in the same PostgreSQL database and commits in the same transaction
 * as these rows, so each event is anchored exactly once; a failure rolls both back and the processor retries.
 *
 * <p>Window: an event is only evidence-protected once anchored, normally well under a second after its append
 * (the processor's lag: a verification's {@code unanchored} count); someone who can write to the event store
 * inside that window, or while the processor is stopped, can alter it unnoticed. Verification lists events not
 * anchored yet, so a row slipped in behind the processor's position is visible rather than silently trusted.
 */
@Component
@ProcessingGroup(IntegrityAnchoring.PROCESSING_GROUP)
// the hash covers the JPA store's raw row; with Axon Server (HUB_AXON_SERVER=true) there is no such row, and Axon
// Server keeps its own checksums: without this the processor would stop at the first event and retry forever
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class IntegrityAnchoring {

    public static final String PROCESSING_GROUP = "integrity";

    private final JdbcTemplate jdbc;

    public IntegrityAnchoring(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every event, whatever its payload: the hash covers the stored row, not the deserialized object. */
    @EventHandler
    public void on(Object payload, EventMessage<?> message) {
        anchor(message.getIdentifier());
    }

    void anchor(String eventIdentifier) {
        if (!jdbc.queryForList("SELECT 1 FROM event_integrity WHERE event_identifier = ?", Integer.class,
                eventIdentifier).isEmpty()) {
            return;
        }
        List<StoredEventRow> rows = jdbc.query("SELECT " + StoredEventRow.COLUMNS
                + " FROM domain_event_entry e WHERE e.event_identifier = ?",
                (rs, n) -> StoredEventRow.read(rs), eventIdentifier);
        if (rows.isEmpty()) {
            throw new IllegalStateException("event " + eventIdentifier + " was delivered but is not in the store");
        }
        StoredEventRow row = rows.get(0);
        byte[] eventHash = EventHashes.hash(row);
        byte[] previousOfModel = jdbc.query("SELECT model_chain_hash FROM event_integrity "
                        + "WHERE aggregate_identifier = ? AND sequence_number = ?",
                (rs, n) -> rs.getBytes(1), row.aggregateIdentifier(), row.sequenceNumber() - 1)
                .stream().findFirst().orElse(EventHashes.GENESIS);
        record Head(long anchorSeq, byte[] chainHash) {
        }
        Head head = jdbc.query("SELECT anchor_seq, store_chain_hash FROM event_integrity "
                        + "ORDER BY anchor_seq DESC LIMIT 1", (rs, n) -> new Head(rs.getLong(1), rs.getBytes(2)))
                .stream().findFirst().orElse(new Head(0, EventHashes.GENESIS));
        jdbc.update("INSERT INTO event_integrity (anchor_seq, global_index, event_identifier, aggregate_identifier, "
                        + "sequence_number, event_hash, model_chain_hash, store_chain_hash) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                head.anchorSeq() + 1, row.globalIndex(), row.eventIdentifier(), row.aggregateIdentifier(),
                row.sequenceNumber(), eventHash, EventHashes.link(previousOfModel, eventHash),
                EventHashes.link(head.chainHash(), eventHash));
    }
}
