package io.xinference.hub.query.it;

import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.devstack.Fixtures;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ClientCompatibility;
import io.xinference.hub.events.ModelDefinitionUpdated;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.query.audittrail.AuditTrailProjection;
import io.xinference.hub.query.catalogue.CatalogueDocument;
import io.xinference.hub.query.catalogue.CatalogueProjection;
import io.xinference.hub.query.elasticsearch.ProjectionWriter;
import io.xinference.hub.query.elasticsearch.VersionedDocument;
import io.xinference.hub.query.reviewqueue.ReviewQueueProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verify;

/** At-least-once delivery must never duplicate or regress: replays and stale events are no-ops. */
class IdempotencyIT extends QuerySideITSupport {

    private static final Actor OWNER = new Actor("idem-owner-" + RUN, "ida");
    private static final List<String> GROUPS = List.of("catalogue", "review-queue", "audit-trail");

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    CatalogueProjection catalogueProjection;
    @Autowired
    ReviewQueueProjection reviewQueueProjection;
    @Autowired
    AuditTrailProjection auditTrailProjection;
    @Autowired
    ProjectionWriter writer;
    @Autowired
    EventStore eventStore;

    @Test
    void replayingEveryEventAgainLeavesTheIndicesIdentical() {
        List<EventStoreFixture.Model> models = new ArrayList<>();
        for (ModelStatus status : ModelStatus.values()) {
            EventStoreFixture.Model m = EventStoreFixture.model("replay-" + status + "-" + RUN, ModelType.EMBEDDING,
                    Visibility.PUBLIC, OWNER);
            ObjectNode definition = Fixtures.definition("embedding");
            definition.put("model_name", m.name());
            events.registerWithStatus(m, definition, status);
            events.updateReadme(m, "readme of " + status);
            models.add(m);
        }
        models.forEach(m -> awaitCatalogue(m.id(), events.version(m.id())));
        models.forEach(m -> awaitAudit(m.id(), events.version(m.id())));
        Map<String, Object> before = snapshot(models);

        clearInvocations(documentReader);
        GROUPS.forEach(this::replay);
        GROUPS.forEach(this::awaitCaughtUp);

        // the events really went through the handlers again...
        models.forEach(m -> verify(documentReader, atLeastOnce())
                .find(eq(indices.catalogue()), eq(m.id()), eq(CatalogueDocument.class)));
        // ...and changed nothing: same sources, same Elasticsearch versions
        assertThat(snapshot(models)).isEqualTo(before);
    }

    @Test
    void eventsAppendedWhileTheProcessorsAreDownAreAllProjectedAfterARestart() {
        GROUPS.forEach(group -> processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow()
                .shutDown());
        List<EventStoreFixture.Model> models = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                EventStoreFixture.Model m = EventStoreFixture.model("restart-" + i + "-" + RUN, ModelType.AUDIO,
                        Visibility.PUBLIC, OWNER);
                ObjectNode definition = Fixtures.definition("audio");
                definition.put("model_name", m.name());
                events.register(m, definition, ModelStatus.APPROVED, null);
                events.updateReadme(m, "readme " + i);
                models.add(m);
            }
        } finally {
            GROUPS.forEach(group -> processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow()
                    .start());
        }
        // both segments of every processor pick up where their tokens stood: nothing skipped
        for (EventStoreFixture.Model m : models) {
            assertThat(awaitCatalogue(m.id(), 1).readme()).startsWith("readme ");
            awaitAudit(m.id(), 1);
            await().atMost(PROJECTION_WAIT).until(() -> elasticsearchGet(indices.reviewQueue(), m.id(),
                    io.xinference.hub.query.reviewqueue.ReviewQueueDocument.class)
                    .map(d -> d.version() == 1).orElse(false));
        }
    }

    @Test
    void anOlderEventAppliedLateNeverOverwritesNewerData() {
        EventStoreFixture.Model m = EventStoreFixture.model("late-" + RUN, ModelType.LLM, Visibility.PUBLIC, OWNER);
        ObjectNode v1 = Fixtures.definition("llm");
        v1.put("model_name", m.name());
        ObjectNode v2 = v1.deepCopy().put("context_length", 2048);
        ObjectNode v3 = v1.deepCopy().put("context_length", 4096);
        events.register(m, v1, ModelStatus.APPROVED, null);                   // 0
        long old = events.updateDefinition(m, v2, ModelStatus.APPROVED);        // 1
        events.updateReadme(m, "newest readme");                                // 2
        events.updateDefinition(m, v3, ModelStatus.APPROVED);                   // 3
        awaitCatalogue(m.id(), 3);
        awaitAudit(m.id(), 3);
        await().atMost(PROJECTION_WAIT).until(() -> elasticsearchGet(indices.reviewQueue(), m.id(),
                io.xinference.hub.query.reviewqueue.ReviewQueueDocument.class)
                .map(d -> d.version() >= 3).orElse(false));
        Map<String, Object> before = snapshot(List.of(m));

        // the event with sequence 1 arrives again, after 3 (a replay racing the live processor, a redelivery)
        GenericDomainEventMessage<ModelDefinitionUpdated> late = new GenericDomainEventMessage<>("Model", m.id(), old,
                new ModelDefinitionUpdated(m.id(), m.name(), ModelType.LLM, Visibility.PUBLIC, v2,
                        ClientCompatibility.allClients(), ModelStatus.APPROVED), MetaData.emptyInstance());
        catalogueProjection.on(late.getPayload(), late);
        reviewQueueProjection.on(late.getPayload(), late);
        auditTrailProjection.on(late.getPayload(), late);
        // and a stale document reaches Elasticsearch directly: its external version loses (409, ignored)
        CatalogueDocument current = catalogueDocument(m.id()).orElseThrow();
        writer.write(List.of(new VersionedDocument<>(indices.catalogue(), m.id(), 1, withDefinition(current, v2))));

        assertThat(snapshot(List.of(m))).isEqualTo(before);
        assertThat(catalogueDocument(m.id()).orElseThrow().definition().path("context_length").asInt()).isEqualTo(4096);
    }

    private static CatalogueDocument withDefinition(CatalogueDocument d, JsonNode definition) {
        return new CatalogueDocument(d.modelId(), d.modelName(), d.nameSort(), d.modelType(), d.visibility(),
                d.status(), d.owner(), definition, d.readme(), d.description(), d.abilities(), d.languages(),
                d.formats(), d.sizesInBillions(), d.featured(), d.expiresAt(), d.createdAt(), d.updatedAt(),
                d.updatedAtEpochSeconds(), 1, d.compatibility(), d.reviewRounds());
    }

    private void replay(String group) {
        StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }

    private void awaitCaughtUp(String group) {
        StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow();
        // a replay only ends when an event past the reset point arrives: wait for the position instead
        long head = eventStore.createHeadToken().position().orElseThrow();
        await().atMost(PROJECTION_WAIT).until(() -> processor.processingStatus().size() == 2
                && processor.processingStatus().values().stream()
                .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head));
    }

    private void awaitAudit(String modelId, long sequence) {
        await().atMost(PROJECTION_WAIT).until(() -> elasticsearchGet(indices.auditTrail(), modelId + ":" + sequence,
                JsonNode.class).isPresent());
    }

    /** Source and Elasticsearch version of every document the models have in the three indices. */
    private Map<String, Object> snapshot(List<EventStoreFixture.Model> models) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        for (EventStoreFixture.Model m : models) {
            snapshot.put("catalogue/" + m.id(), raw(indices.catalogue(), m.id()));
            snapshot.put("review-queue/" + m.id(), raw(indices.reviewQueue(), m.id()));
            for (long sequence = 0; sequence <= events.version(m.id()); sequence++) {
                snapshot.put("audit/" + m.id() + ":" + sequence, raw(indices.auditTrail(), m.id() + ":" + sequence));
            }
        }
        return snapshot;
    }

    private List<Object> raw(String index, String id) {
        try {
            GetResponse<JsonNode> response = elasticsearch.get(g -> g.index(index).id(id), JsonNode.class);
            return List.of(response.found(), String.valueOf(response.version()), String.valueOf(response.source()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
