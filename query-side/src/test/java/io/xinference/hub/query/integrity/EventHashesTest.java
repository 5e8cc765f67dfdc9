package io.xinference.hub.query.integrity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class EventHashesTest {

    private static StoredEventRow row(String payload, String metaData) {
        return new StoredEventRow(7, "event-1", "model-1", 3, "Model", "2026-11-27T10:00:00Z",
                "io.xinference.hub.events.ModelRejected", "2", bytes(payload), metaData == null ? null : bytes(metaData));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theSameRowAlwaysHashesTheSame() {
        assertThat(EventHashes.hash(row("{\"a\":1}", "{}"))).isEqualTo(EventHashes.hash(row("{\"a\":1}", "{}")))
                .hasSize(32);
    }

    @Test
    void anyChangedFieldChangesTheHash() {
        byte[] original = EventHashes.hash(row("{\"a\":1}", "{}"));
        assertThat(EventHashes.hash(row("{\"a\":2}", "{}"))).isNotEqualTo(original);
        assertThat(EventHashes.hash(row("{\"a\":1}", "{\"x\":1}"))).isNotEqualTo(original);
        StoredEventRow base = row("{\"a\":1}", "{}");
        assertThat(EventHashes.hash(new StoredEventRow(8, base.eventIdentifier(), base.aggregateIdentifier(),
                base.sequenceNumber(), base.type(), base.timeStamp(), base.payloadType(), base.payloadRevision(),
                base.payload(), base.metaData()))).isNotEqualTo(original);
        assertThat(EventHashes.hash(new StoredEventRow(7, base.eventIdentifier(), base.aggregateIdentifier(),
                base.sequenceNumber(), base.type(), "2026-11-27T10:00:01Z", base.payloadType(),
                base.payloadRevision(), base.payload(), base.metaData()))).isNotEqualTo(original);
        assertThat(EventHashes.hash(new StoredEventRow(7, base.eventIdentifier(), base.aggregateIdentifier(),
                base.sequenceNumber(), base.type(), base.timeStamp(), base.payloadType(), "1",
                base.payload(), base.metaData()))).isNotEqualTo(original);
    }

    @Test
    void bytesCannotMoveBetweenNeighbouringFields() {
        StoredEventRow a = new StoredEventRow(1, "ab", "c", 0, null, "t", "p", null, bytes("x"), null);
        StoredEventRow b = new StoredEventRow(1, "a", "bc", 0, null, "t", "p", null, bytes("x"), null);
        assertThat(EventHashes.hash(a)).isNotEqualTo(EventHashes.hash(b));
    }

    @Test
    void nullAndEmptyAreDifferent() {
        assertThat(EventHashes.hash(row("{}", null))).isNotEqualTo(EventHashes.hash(row("{}", "")));
    }

    @Test
    void aLinkDependsOnThePreviousLinkAndTheEvent() {
        byte[] event = EventHashes.hash(row("{}", "{}"));
        byte[] first = EventHashes.link(EventHashes.GENESIS, event);
        assertThat(EventHashes.link(EventHashes.GENESIS, event)).isEqualTo(first);
        assertThat(EventHashes.link(first, event)).isNotEqualTo(first);
        assertThat(EventHashes.hex(first)).hasSize(64).matches("[0-9a-f]+");
    }
}
