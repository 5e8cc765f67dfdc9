package io.xinference.hub.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.devstack.Fixtures;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelRejected;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.xinference.hub.security.HubPermission.AUDIT_READ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A {@link ModelRejected} stored in its revision-1 shape (no {@code resubmissionAllowed}) is read through the
 * upcaster everywhere: the event store, the projections, and the auditors' history.
 */
class ModelRejectedUpcastingIT extends QuerySideITSupport {

    private static final Actor OWNER = new Actor("upcast-owner-" + RUN, "uma");
    private static final Personas AUDITOR = Personas.of("audrey", "audrey-" + RUN, AUDIT_READ);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Test
    void aRevisionOneRejectionIsReadAsRevisionTwoWithTheDefault() throws Exception {
        EventStoreFixture.Model m = EventStoreFixture.model("upcast-" + RUN, ModelType.LLM, Visibility.PUBLIC, OWNER);
        ObjectNode definition = Fixtures.definition("llm");
        definition.put("model_name", m.name());
        events.register(m, definition, ModelStatus.PENDING_REVIEW, null);

        // the revision-1 payload: today's JSON without the field revision 2 added
        ModelRejected today = new ModelRejected(m.id(), m.name(), m.type(), m.visibility(), 1,
                EventStoreFixture.REVIEWER, "an old rejection", false);
        ObjectNode oldShape = (ObjectNode) objectMapper.readTree(
                eventSerializer.serialize(today, byte[].class).getData());
        assertThat(oldShape.remove("resubmissionAllowed")).isNotNull();
        byte[] metaData = jdbc.queryForObject("SELECT meta_data FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 0", byte[].class, m.id());
        jdbc.update("INSERT INTO domain_event_entry (global_index, sequence_number, meta_data, payload, "
                        + "aggregate_identifier, event_identifier, payload_revision, payload_type, time_stamp, type) "
                        + "VALUES (nextval('domain_event_entry_seq'), 1, ?, ?, ?, ?, '1', ?, ?, 'Model')",
                metaData, objectMapper.writeValueAsString(oldShape).getBytes(StandardCharsets.UTF_8), m.id(),
                UUID.randomUUID().toString(), ModelRejected.class.getName(), Instant.now().toString());

        List<DomainEventMessage<?>> stored = new ArrayList<>();
        eventStore.readEvents(m.id(), 0).forEachRemaining(stored::add);
        assertThat(stored).hasSize(2);
        ModelRejected upcast = (ModelRejected) stored.get(1).getPayload();
        assertThat(upcast.resubmissionAllowed()).isTrue();
        assertThat(upcast.feedback()).isEqualTo("an old rejection");
        assertThat(upcast.reviewer()).isEqualTo(EventStoreFixture.REVIEWER);

        // the projections read it through the same chain
        assertThat(awaitCatalogue(m.id(), 1).status()).isEqualTo(ModelStatus.REJECTED);
        JsonNode history = json(mvc.perform(get("/api/audit-trail/models/" + m.id() + "/history")
                .with(AUDITOR.token())).andReturn().getResponse().getContentAsString());
        assertThat(history.path("events").get(1).path("payload").path("resubmissionAllowed").asBoolean()).isTrue();

        // the stored row is untouched: events are immutable, only their reading evolves
        assertThat(jdbc.queryForObject("SELECT payload_revision FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 1", String.class, m.id())).isEqualTo("1");
    }

    @Test
    void newRejectionsAreStoredAsRevisionTwo() {
        EventStoreFixture.Model m = EventStoreFixture.model("upcast-new-" + RUN, ModelType.LLM, Visibility.PUBLIC, OWNER);
        ObjectNode definition = Fixtures.definition("llm");
        definition.put("model_name", m.name());
        events.register(m, definition, ModelStatus.PENDING_REVIEW, null);
        events.reject(m, 1, "a new rejection");
        assertThat(jdbc.queryForObject("SELECT payload_revision FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 1", String.class, m.id())).isEqualTo("2");
        List<DomainEventMessage<?>> stored = new ArrayList<>();
        eventStore.readEvents(m.id(), 0).forEachRemaining(stored::add);
        assertThat(((ModelRejected) stored.get(1).getPayload()).resubmissionAllowed()).isTrue();
    }
}
