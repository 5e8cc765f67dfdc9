package io.xinference.hub.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.devstack.Fixtures;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.query.catalogue.CatalogueDocument;
import io.xinference.hub.query.reviewqueue.ReviewQueueDocument;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static io.xinference.hub.security.HubPermission.ADMIN;
import static io.xinference.hub.security.HubPermission.AUDIT_READ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** A handler error is never swallowed: the event parks per model, the rest keeps flowing, a retry applies it. */
class DeadLetterIT extends QuerySideITSupport {

    private static final Actor OWNER = new Actor("dlq-owner-" + RUN, "dora");
    private static final Personas ADMIN_USER = Personas.of("admin", "admin-" + RUN, ADMIN);
    private static final Personas AUDITOR = Personas.of("auditor", "auditor-" + RUN, AUDIT_READ);

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aPoisonEventParksWhileOtherModelsKeepProjectingAndARetryAppliesIt() throws Exception {
        EventStoreFixture.Model poison = model("poison");
        EventStoreFixture.Model healthy = model("healthy");
        // the catalogue cannot read the poison model's document (as if its data broke the handler)
        doThrow(new IllegalStateException("simulated poison")).when(documentReader)
                .find(eq(indices.catalogue()), eq(poison.id()), eq(CatalogueDocument.class));

        events.register(poison, definition(poison), ModelStatus.APPROVED, null);     // poison 0
        events.register(healthy, definition(healthy), ModelStatus.APPROVED, null);   // healthy 0
        events.updateReadme(poison, "written after the poison");                      // poison 1: queued behind 0
        events.updateReadme(healthy, "healthy readme");                               // healthy 1

        assertThat(awaitCatalogue(healthy.id(), 1).readme()).isEqualTo("healthy readme");
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue("catalogue").orElseThrow();
        await().atMost(PROJECTION_WAIT).until(() -> queue.sequenceSize(poison.id()) == 2);
        assertThat(catalogueDocument(poison.id())).isEmpty();
        // other projections of the same model are not affected
        await().atMost(PROJECTION_WAIT).until(() -> elasticsearchGet(indices.reviewQueue(), poison.id(),
                ReviewQueueDocument.class).map(d -> d.version() == 1).orElse(false));

        // admins see the parked events; nobody else does
        JsonNode status = json(mvc.perform(get("/api/admin/projections").with(ADMIN_USER.token())).andReturn()
                .getResponse().getContentAsString());
        JsonNode catalogue = status.findParents("group").stream()
                .filter(node -> node.path("group").asText().equals("catalogue")).findFirst().orElseThrow();
        assertThat(catalogue.path("running").asBoolean()).isTrue();
        assertThat(catalogue.path("parked").findValuesAsText("aggregateId")).contains(poison.id());
        assertThat(mvc.perform(get("/api/admin/projections").with(AUDITOR.token())).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/api/admin/projections/catalogue/dead-letters/retry").with(AUDITOR.token()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);

        // the cause is fixed; a retry applies both parked events in order
        doCallRealMethod().when(documentReader).find(any(), any(), any());
        var retry = mvc.perform(post("/api/admin/projections/catalogue/dead-letters/retry").with(ADMIN_USER.token()))
                .andReturn().getResponse();
        assertThat(retry.getStatus()).isEqualTo(200);
        assertThat(json(retry.getContentAsString()).path("sequencesApplied").asInt()).isGreaterThanOrEqualTo(1);
        CatalogueDocument healed = catalogueDocument(poison.id()).orElseThrow();
        assertThat(healed.version()).isEqualTo(1);
        assertThat(healed.readme()).isEqualTo("written after the poison");
        assertThat(queue.contains(poison.id())).isFalse();

        // and the model keeps projecting normally afterwards
        events.updateReadme(poison, "third readme");
        assertThat(awaitCatalogue(poison.id(), 2).readme()).isEqualTo("third readme");
    }

    /**
     * A document Elasticsearch refuses as invalid (here a model name too long for a keyword: 400, document_parsing_exception)
     * used to fail its batch at every retry, so its segment never moved again. Now its event is dead-lettered with
     * Elasticsearch's reason and every projection catches up with the whole store.
     */
    @Test
    void aDocumentElasticsearchRefusesIsDeadLetteredWithItsReasonAndTheSegmentMovesOn() throws Exception {
        EventStoreFixture.Model refused = EventStoreFixture.model("immense-" + RUN + "-" + "x".repeat(40_000),
                ModelType.RERANK, Visibility.PUBLIC, OWNER);
        events.register(refused, definition(refused), ModelStatus.APPROVED, null);
        EventStoreFixture.Model after = model("after-refused");
        events.register(after, definition(after), ModelStatus.APPROVED, null);
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue("catalogue").orElseThrow();
        try {
            await().atMost(PROJECTION_WAIT).until(() -> queue.contains(refused.id()));
            String cause = queue.deadLetterSequence(refused.id()).iterator().next().cause().orElseThrow().message();
            assertThat(cause).contains("Elasticsearch refused the document", "400 document_parsing_exception",
                    "[modelName]");
            awaitCatalogue(after.id(), 0);
            await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
                JsonNode status = json(mvc.perform(get("/api/admin/projections").with(ADMIN_USER.token()))
                        .andReturn().getResponse().getContentAsString());
                for (JsonNode group : status.findParents("group")) {
                    assertThat(group.path("lag").path("eventsBehind").asLong())
                            .as(group.path("group").asText() + " lag").isZero();
                    assertThat(group.path("running").asBoolean()).isTrue();
                }
            });
            assertThat(catalogueDocument(refused.id())).isEmpty();
            // an admin's retry while the cause is still there keeps the letter parked, once
            mvc.perform(post("/api/admin/projections/catalogue/dead-letters/retry").with(ADMIN_USER.token()));
            assertThat(queue.sequenceSize(refused.id())).isEqualTo(1);
        } finally {
            // the other tests of this class retry whatever is parked: leave nothing behind
            for (String group : new String[] {"catalogue", "review-queue", "audit-trail"}) {
                processing.deadLetterQueue(group).ifPresent(parked -> {
                    if (parked.contains(refused.id())) {
                        parked.deadLetterSequence(refused.id()).forEach(letter -> parked.evict(letter));
                    }
                });
            }
        }
    }

    private static EventStoreFixture.Model model(String name) {
        return EventStoreFixture.model(name + "-" + RUN, ModelType.RERANK, Visibility.PUBLIC, OWNER);
    }

    private static ObjectNode definition(EventStoreFixture.Model m) {
        ObjectNode definition = Fixtures.definition("rerank");
        definition.put("model_name", m.name());
        return definition;
    }
}
