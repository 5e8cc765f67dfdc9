package io.xinference.hub.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.devstack.Fixtures;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.query.reviewqueue.ReviewQueueDocument;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

import static io.xinference.hub.security.HubPermission.ADMIN;
import static io.xinference.hub.security.HubPermission.AUDIT_READ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;

/** An admin discards a model's parked events of one projection; nobody else may. */
class DeadLetterDiscardIT extends QuerySideITSupport {

    private static final Actor OWNER = new Actor("discard-owner-" + RUN, "dina");
    private static final Personas ADMIN_USER = Personas.of("admin", "admin-" + RUN, ADMIN);
    private static final Personas AUDITOR = Personas.of("auditor", "auditor-" + RUN, AUDIT_READ);

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void anAdminDiscardsAModelsParkedEvents() throws Exception {
        EventStoreFixture.Model m = EventStoreFixture.model("discard-" + RUN, ModelType.RERANK, Visibility.PUBLIC, OWNER);
        ObjectNode definition = Fixtures.definition("rerank");
        definition.put("model_name", m.name());
        doThrow(new IllegalStateException("simulated poison")).when(documentReader)
                .find(eq(indices.reviewQueue()), eq(m.id()), eq(ReviewQueueDocument.class));
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue("review-queue").orElseThrow();
        try {
            events.register(m, definition, ModelStatus.PENDING_REVIEW, null);
            events.updateReadme(m, "parked behind the poison");
            await().atMost(PROJECTION_WAIT).until(() -> queue.sequenceSize(m.id()) == 2);
        } finally {
            doCallRealMethod().when(documentReader).find(any(), any(), any());
        }
        String url = "/api/admin/projections/review-queue/dead-letters/" + m.id();
        assertThat(mvc.perform(delete(url).with(AUDITOR.token())).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(delete("/api/admin/projections/nope/dead-letters/" + m.id()).with(ADMIN_USER.token()))
                .andReturn().getResponse().getStatus()).isEqualTo(400);

        MockHttpServletResponse discarded = mvc.perform(delete(url).with(ADMIN_USER.token())).andReturn().getResponse();
        assertThat(discarded.getStatus()).isEqualTo(200);
        JsonNode answer = json(discarded.getContentAsString());
        assertThat(answer.path("discarded").asInt()).isEqualTo(2);
        assertThat(queue.contains(m.id())).isFalse();
        assertThat(mvc.perform(delete(url).with(ADMIN_USER.token())).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(elasticsearchGet(indices.reviewQueue(), m.id(), ReviewQueueDocument.class)).isEmpty();
    }
}
