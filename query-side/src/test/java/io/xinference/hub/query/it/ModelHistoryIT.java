package io.xinference.hub.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.devstack.Fixtures;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.EventMetadataKeys;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.query.catalogue.CatalogueDocument;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import static io.xinference.hub.security.HubPermission.ADMIN;
import static io.xinference.hub.security.HubPermission.AUDIT_READ;
import static io.xinference.hub.security.HubPermission.REGISTER_PRIVATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * History, state at a version or instant, and diffs come from the event store and agree with the live
 * catalogue projection after every step of a private model's whole lifecycle.
 */
class ModelHistoryIT extends QuerySideITSupport {

    private static final Actor OWNER = new Actor("history-owner-" + RUN, "hilda");
    private static final Personas OWNER_PERSONA = Personas.of("hilda", OWNER.subject(), REGISTER_PRIVATE);
    private static final Personas AUDITOR = Personas.of("audrey", "audrey-" + RUN, AUDIT_READ);
    private static final Personas ADMIN_ONLY = Personas.of("adam", "adam-" + RUN, ADMIN);

    @Test
    void historyAndStateAtEveryStepAgreeWithTheLiveProjection() throws Exception {
        EventStoreFixture.Model m = EventStoreFixture.model("history-" + RUN, ModelType.LLM, Visibility.PRIVATE, OWNER);
        ObjectNode first = definition(m, 4096);
        ObjectNode second = definition(m, 8192);
        List<LongSupplier> script = List.of(
                () -> events.register(m, first, ModelStatus.PENDING_REVIEW, null),
                () -> events.reject(m, 1, "context length looks wrong"),
                () -> events.updateDefinition(m, second, ModelStatus.DRAFT),
                () -> events.updateReadme(m, "# " + m.name() + "\n\nREADME of " + m.name() + "\n\nnow with 8k context"),
                () -> events.submit(m, 2, second, "# " + m.name() + "\n\nREADME of " + m.name() + "\n\nnow with 8k context"),
                () -> events.approve(m, 2, second),
                () -> events.setExpiration(m, Instant.parse("2030-01-01T00:00:00Z")),
                () -> events.expire(m));
        List<CatalogueDocument> live = new ArrayList<>();
        for (LongSupplier step : script) {
            long version = step.getAsLong();
            CatalogueDocument projected = awaitCatalogue(m.id(), version);
            assertThat(projected.version()).isEqualTo(version);
            live.add(projected);

            JsonNode byVersion = ok("/api/audit-trail/models/" + m.id() + "/state?version=" + version);
            assertThat(byVersion.path("version").asLong()).isEqualTo(version);
            assertThat(byVersion.path("model")).isEqualTo(asJson(projected));

            JsonNode byInstant = ok("/api/audit-trail/models/" + m.id() + "/state?at=" + projected.updatedAt());
            assertThat(byInstant.path("model")).isEqualTo(asJson(projected));

            JsonNode history = ok("/api/audit-trail/models/" + m.id() + "/history");
            assertThat(history.path("version").asLong()).isEqualTo(version);
            assertThat(history.path("events")).hasSize((int) version + 1);
        }

        // earlier states stay as they were, whatever happened later
        for (CatalogueDocument earlier : live) {
            assertThat(ok("/api/audit-trail/models/" + m.id() + "/state?version=" + earlier.version()).path("model"))
                    .isEqualTo(asJson(earlier));
        }
        assertThat(status("/api/audit-trail/models/" + m.id() + "/state?at="
                + live.get(0).createdAt().minusSeconds(1), AUDITOR)).isEqualTo(404);

        JsonNode events = ok("/api/audit-trail/models/" + m.id() + "/history").path("events");
        assertThat(events.findValuesAsText("type")).containsExactly("ModelRegistered", "ModelRejected",
                "ModelDefinitionUpdated", "ModelReadmeUpdated", "ModelSubmittedForReview", "ModelApproved",
                "ModelExpirationDateSet", "ModelExpired");
        JsonNode rejection = events.get(1);
        assertThat(rejection.path("sequence").asLong()).isEqualTo(1);
        assertThat(rejection.path("actor").path("username").asText()).isEqualTo("rita");
        assertThat(rejection.path("payload").path("feedback").asText()).isEqualTo("context length looks wrong");
        assertThat(rejection.path("metadata").path(EventMetadataKeys.CORRELATION_ID).asText()).isNotBlank();
        assertThat(rejection.path("summary").asText()).contains("rejected review round 1");
        assertThat(events.get(0).path("actor").path("username").asText()).isEqualTo("hilda");

        JsonNode diff = ok("/api/audit-trail/models/" + m.id() + "/diff?from=0&to=" + live.get(live.size() - 1).version());
        assertThat(diff.path("definition").findValuesAsText("pointer")).contains("/context_length");
        JsonNode contextChange = diff.path("definition").findParents("pointer").stream()
                .filter(change -> change.path("pointer").asText().equals("/context_length")).findFirst().orElseThrow();
        assertThat(contextChange.path("before").asInt()).isEqualTo(4096);
        assertThat(contextChange.path("after").asInt()).isEqualTo(8192);
        assertThat(diff.path("readme").findParents("operation").stream()
                .filter(line -> line.path("operation").asText().equals("ADDED"))
                .map(line -> line.path("text").asText())).contains("now with 8k context");
        assertThat(ok("/api/audit-trail/models/" + m.id() + "/diff?from=2&to=2").path("definition")).isEmpty();
    }

    @Test
    void onlyAuditorsReadHistoryEvenTheOwnerAndAnAdminWithoutAuditReadDoNot() throws Exception {
        EventStoreFixture.Model m = EventStoreFixture.model("history-perm-" + RUN, ModelType.LLM, Visibility.PRIVATE, OWNER);
        events.register(m, definition(m, 2048), ModelStatus.APPROVED, null);
        String history = "/api/audit-trail/models/" + m.id() + "/history";
        assertThat(status(history, AUDITOR)).isEqualTo(200);
        assertThat(status(history, OWNER_PERSONA)).isEqualTo(403);
        assertThat(status(history, ADMIN_ONLY)).isEqualTo(403);
        assertThat(mvc.perform(get(history)).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void unknownModelsAndBadParametersAreProblems() throws Exception {
        MockHttpServletResponse unknown = mvc.perform(get("/api/audit-trail/models/no-such-model/history")
                .with(AUDITOR.token())).andReturn().getResponse();
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(unknown.getContentType()).startsWith("application/problem+json");
        EventStoreFixture.Model m = EventStoreFixture.model("history-bad-" + RUN, ModelType.LLM, Visibility.PUBLIC, OWNER);
        events.register(m, definition(m, 2048), ModelStatus.APPROVED, null);
        String state = "/api/audit-trail/models/" + m.id() + "/state";
        assertThat(status(state, AUDITOR)).isEqualTo(400);
        assertThat(status(state + "?version=0&at=2026-01-01T00:00:00Z", AUDITOR)).isEqualTo(400);
        assertThat(status(state + "?at=yesterday", AUDITOR)).isEqualTo(400);
        assertThat(status(state + "?version=-1", AUDITOR)).isEqualTo(400);
        assertThat(status(state + "?version=5", AUDITOR)).isEqualTo(404);
        assertThat(status(state + "?version=0", AUDITOR)).isEqualTo(200);
        assertThat(status("/api/audit-trail/models/" + m.id() + "/diff?from=0", AUDITOR)).isEqualTo(400);
    }

    private JsonNode asJson(CatalogueDocument document) throws Exception {
        return objectMapper.readTree(objectMapper.writeValueAsString(document));
    }

    private JsonNode ok(String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(AUDITOR.token())).andReturn().getResponse();
        assertThat(response.getStatus()).as(url + " " + response.getContentAsString()).isEqualTo(200);
        return json(response.getContentAsString());
    }

    private int status(String url, Personas persona) throws Exception {
        return mvc.perform(get(url).with(persona.token())).andReturn().getResponse().getStatus();
    }

    private static ObjectNode definition(EventStoreFixture.Model m, int contextLength) {
        ObjectNode definition = Fixtures.definition("llm");
        definition.put("model_name", m.name());
        definition.put("context_length", contextLength);
        return definition;
    }
}
