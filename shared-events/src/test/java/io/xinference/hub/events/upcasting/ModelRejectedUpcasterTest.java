package io.xinference.hub.events.upcasting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelRejected;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ModelRejectedUpcasterTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aRevisionOneRejectionReadsAsAllowingResubmission() throws Exception {
        assertThat(read(storedAs("1", false), new ModelRejectedUpcaster()).resubmissionAllowed()).isTrue();
    }

    @Test
    void withoutTheUpcasterTheMissingFieldWouldReadAsFalse() throws Exception {
        assertThat(read(storedAs("1", false), NoOpEventUpcaster.INSTANCE).resubmissionAllowed()).isFalse();
    }

    @Test
    void revisionTwoIsLeftAsStored() throws Exception {
        ModelRejected read = read(storedAs("2", true), new ModelRejectedUpcaster());
        assertThat(read.resubmissionAllowed()).isFalse();
        assertThat(read.feedback()).isEqualTo("no licence");
    }

    @Test
    void sevenArgumentCallersGetTheRevisionOneMeaning() {
        assertThat(new ModelRejected("id", "m", ModelType.LLM, Visibility.PUBLIC, 1, new Actor("s", "rita"), "no")
                .resubmissionAllowed()).isTrue();
    }

    /** A stored row; {@code withField}: whether the payload has {@code resubmissionAllowed} (as false). */
    private GenericDomainEventEntry<byte[]> storedAs(String revision, boolean withField) throws Exception {
        ModelRejected event = new ModelRejected("model-1", "m", ModelType.LLM, Visibility.PUBLIC, 1,
                new Actor("s", "rita"), "no licence", false);
        ObjectNode payload = (ObjectNode) json.readTree(serializer.serialize(event, byte[].class).getData());
        if (!withField) {
            payload.remove("resubmissionAllowed");
        }
        return new GenericDomainEventEntry<>("Model", "model-1", 1, "event-1", "2026-01-01T00:00:00Z",
                ModelRejected.class.getName(), revision,
                json.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    /** What the event store does with a row: upcast it, then deserialize the result. */
    private ModelRejected read(GenericDomainEventEntry<byte[]> entry, EventUpcaster upcaster) {
        IntermediateEventRepresentation upcast = upcaster.upcast(
                Stream.of(new InitialEventRepresentation(entry, serializer))).findFirst().orElseThrow();
        return serializer.deserialize(upcast.getData());
    }
}
