package io.xinference.hub.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.devstack.Fixtures;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.names.ModelNameGrammar;
import io.xinference.hub.security.HubPermission;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static io.xinference.hub.security.HubPermission.VIEW_ADVANCED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The six real Xinference v1.13.0 fixtures, registered and approved, read back through the download API exactly
 * as a client loads them; nothing a client must not load ever appears.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XinferenceApiIT extends QuerySideITSupport {

    private static final Actor OWNER = new Actor("xi-owner-" + RUN, "xena");
    private static final Personas VIEWER = Personas.of("viewer", "xi-viewer-" + RUN, VIEW_ADVANCED);
    private static final Personas ADMIN = Personas.of("admin", "xi-admin-" + RUN, HubPermission.ADMIN);

    /** type → the fixture model (registered under its real name) */
    private final Map<String, EventStoreFixture.Model> fixtures = new HashMap<>();
    /** names that must never be downloaded */
    private final Set<String> hidden = new HashSet<>();
    private EventStoreFixture.Model enterprise;
    private EventStoreFixture.Model privateModel;

    @BeforeAll
    void registerFixturesAndModelsThatMustStayHidden() {
        Fixtures.all().forEach((type, definition) -> {
            EventStoreFixture.Model m = EventStoreFixture.model(definition.path("model_name").asText(),
                    ModelType.fromWire(type).orElseThrow(), Visibility.PUBLIC, OWNER);
            events.register(m, definition, ModelStatus.PENDING_REVIEW, null);
            events.approve(m, 1, definition);
            fixtures.put(type, m);
        });
        for (ModelStatus status : List.of(ModelStatus.PENDING_REVIEW, ModelStatus.REJECTED, ModelStatus.DRAFT,
                ModelStatus.EXPIRED, ModelStatus.DELETED)) {
            hide(Visibility.PUBLIC, status, "public-" + status.name().toLowerCase());
        }
        privateModel = hide(Visibility.PRIVATE, ModelStatus.APPROVED, "private");
        enterprise = hide(Visibility.ENTERPRISE, ModelStatus.APPROVED, "enterprise");
        // approved and public, but its expiration date has passed (the expiry event may not have fired yet)
        EventStoreFixture.Model overdue = EventStoreFixture.model("xi-overdue-" + RUN, ModelType.LLM, Visibility.PUBLIC,
                OWNER);
        events.register(overdue, llm(overdue.name()), ModelStatus.APPROVED, Instant.now().minus(1, ChronoUnit.DAYS));
        hidden.add(overdue.name());
        awaitCatalogue(overdue.id(), 0);
        fixtures.values().forEach(m -> awaitCatalogue(m.id(), 1));
    }

    @Test
    void eachTypeServesItsApprovedPublicDefinitionsPlusUpdatedAtAndNothingElse() throws Exception {
        for (String type : Fixtures.MODEL_TYPES) {
            MockHttpServletResponse response = download(type, null, null);
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentType()).startsWith("application/json");
            JsonNode body = json(response.getContentAsString());
            assertThat(XinferenceLoaderRules.violations(type, body)).as(type).isEmpty();
            JsonNode served = byName(body).get(fixtures.get(type).name());
            assertThat(served).as(type + " fixture served").isNotNull();
            ObjectNode expected = Fixtures.definition(type);
            long updatedAt = catalogueDocument(fixtures.get(type).id()).orElseThrow().updatedAtEpochSeconds();
            expected.put("updated_at", updatedAt);
            // compared as parsed JSON (Jackson's trees tell an int node from a long node)
            assertThat(served).isEqualTo(json(expected.toString()));
            // newer than the client's built-in copy, so the hub's entry wins
            assertThat(updatedAt).isGreaterThan(Fixtures.definition(type).path("updated_at").asLong());
            assertThat(byName(body).keySet()).doesNotContainAnyElementsOf(hidden);
        }
    }

    @Test
    void anUpdateRaisesUpdatedAtAndChangesTheEntityTag() throws Exception {
        MockHttpServletResponse before = download("embedding", null, null);
        String etag = before.getHeader("ETag");
        assertThat(etag).isNotBlank();
        assertThat(download("embedding", etag, null).getStatus()).isEqualTo(304);
        assertThat(download("embedding", etag, null).getContentAsByteArray()).isEmpty();
        long updatedBefore = byName(json(before.getContentAsString())).get("bge-m3").path("updated_at").asLong();

        EventStoreFixture.Model m = fixtures.get("embedding");
        ObjectNode changed = Fixtures.definition("embedding").put("max_tokens", 4096);
        events.updateDefinition(m, changed, ModelStatus.APPROVED);

        JsonNode after = await().atMost(PROJECTION_WAIT).until(
                () -> byName(json(download("embedding", null, null).getContentAsString())).get("bge-m3"),
                entry -> entry.path("max_tokens").asInt() == 4096);
        assertThat(after.path("updated_at").asLong()).isGreaterThan(updatedBefore);
        MockHttpServletResponse now = download("embedding", etag, null);
        assertThat(now.getStatus()).isEqualTo(200);
        assertThat(now.getHeader("ETag")).isNotEqualTo(etag);
    }

    @Test
    void gzipIsServedWhenAskedAndHoldsTheSameBytes() throws Exception {
        MockHttpServletResponse plain = download("llm", null, null);
        MockHttpServletResponse zipped = download("llm", null, "gzip, deflate");
        assertThat(zipped.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(zipped.getHeaders("Vary")).anyMatch(v -> v.contains("Accept-Encoding"));
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.getContentAsByteArray())).readAllBytes();
        assertThat(unzipped).isEqualTo(plain.getContentAsByteArray());
        assertThat(plain.getHeader("Content-Encoding")).isNull();
        // either representation's tag revalidates
        assertThat(download("llm", zipped.getHeader("ETag"), "gzip").getStatus()).isEqualTo(304);
    }

    @Test
    void unknownOrMissingTypesAre400WithJsonAndFlexibleIsEmpty() throws Exception {
        for (String query : List.of("?model_type=chatbot", "", "?model_type=")) {
            MockHttpServletResponse response = mvc.perform(get("/api/models/download" + query)).andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(query).isEqualTo(400);
            assertThat(json(response.getContentAsString()).path("errors").get(0).path("pointer").asText())
                    .isEqualTo("model_type");
        }
        MockHttpServletResponse flexible = download("flexible", null, null);
        assertThat(flexible.getStatus()).isEqualTo(200);
        assertThat(json(flexible.getContentAsString())).isEqualTo(objectMapper.createArrayNode());
    }

    @Test
    void singleModelCallsFollowThePrototypeShapes() throws Exception {
        MockHttpServletResponse one = mvc.perform(get("/api/models/download?model_name=QwQ-32B")).andReturn()
                .getResponse();
        assertThat(one.getStatus()).isEqualTo(200);
        assertThat(json(one.getContentAsString()).path("model_name").asText()).isEqualTo("QwQ-32B");
        assertThat(json(one.getContentAsString()).path("updated_at").isIntegralNumber()).isTrue();

        JsonNode data = json(mvc.perform(get("/api/models/QwQ-32B")).andReturn().getResponse().getContentAsString());
        assertThat(data.path("data").path("model_type").asText()).isEqualTo("llm");
        assertThat(data.path("data").path("model_specs").isArray()).isTrue();

        JsonNode list = json(mvc.perform(get("/api/models?order=featured&query=QwQ&page=1&pageSize=5")).andReturn()
                .getResponse().getContentAsString());
        assertThat(list.path("data").findValuesAsText("model_name")).contains("QwQ-32B");
        assertThat(list.path("data").get(0).has("id")).isTrue();

        // private: 403 MODEL_PRIVATE for others, also on the download by name; unknown: 404
        for (String path : List.of("/api/models/" + privateModel.name(),
                "/api/models/download?model_name=" + privateModel.name())) {
            MockHttpServletResponse denied = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(denied.getStatus()).as(path).isEqualTo(403);
            assertThat(json(denied.getContentAsString()).path("error_code").asText()).isEqualTo("MODEL_PRIVATE");
        }
        assertThat(mvc.perform(get("/api/models/no-such-model-" + RUN)).andReturn().getResponse().getStatus())
                .isEqualTo(404);

        // enterprise: only for an authenticated caller with the view permission, and never in the download
        assertThat(mvc.perform(get("/api/models/" + enterprise.name())).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/api/models/" + enterprise.name()).with(VIEWER.token())).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        JsonNode anonymousList = json(mvc.perform(get("/api/models?query=" + enterprise.name())).andReturn()
                .getResponse().getContentAsString());
        assertThat(anonymousList.path("data").findValuesAsText("model_name")).doesNotContain(enterprise.name());
        JsonNode viewerList = json(mvc.perform(get("/api/models?query=" + enterprise.name()).with(VIEWER.token()))
                .andReturn().getResponse().getContentAsString());
        assertThat(viewerList.path("data").findValuesAsText("model_name")).contains(enterprise.name());
    }

    /**
     * One grammar of names with registration: a name no model may have is a 400 problem stating the rule (dots
     * once reached the lookups as "URL not normalized" and Xinference as a path); a model stored before the rule
     * (here written straight into the event store) is listed by the admins' check, and only for admins.
     */
    @Test
    void namesOutsideTheGrammarAre400AndLegacyOnesAreListedForAdmins() throws Exception {
        for (String path : List.of("/api/models/download?model_name=..", "/api/models/download?model_name=.",
                "/api/models/download?model_name=-rf", "/api/models/.cache")) {
            MockHttpServletResponse refused = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(refused.getStatus()).as(path).isEqualTo(400);
            JsonNode error = json(refused.getContentAsString()).path("errors").get(0);
            assertThat(error.path("pointer").asText()).as(path).isEqualTo("model_name");
            assertThat(error.path("message").asText()).as(path).isEqualTo(ModelNameGrammar.RULE);
        }
        EventStoreFixture.Model legacy = EventStoreFixture.model(".legacy-" + RUN, ModelType.LLM, Visibility.PUBLIC,
                OWNER);
        awaitCatalogue(legacy.id(), events.registerWithStatus(legacy, llm(legacy.name()), ModelStatus.APPROVED));

        JsonNode check = json(mvc.perform(get("/api/admin/model-names").with(ADMIN.token())).andReturn().getResponse()
                .getContentAsString());
        assertThat(check.path("rule").asText()).isEqualTo(ModelNameGrammar.RULE);
        assertThat(check.path("offenders").findValuesAsText("modelName")).contains(legacy.name())
                .allSatisfy(name -> assertThat(ModelNameGrammar.isValid(name)).isFalse());
        assertThat(check.path("offenders").findValuesAsText("modelName")).doesNotContain("QwQ-32B");
        assertThat(mvc.perform(get("/api/admin/model-names").with(VIEWER.token())).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(byName(json(download("llm", null, null).getContentAsString())).keySet())
                .as("public and approved, but its name never reaches Xinference").doesNotContain(legacy.name());
    }

    private EventStoreFixture.Model hide(Visibility visibility, ModelStatus status, String label) {
        EventStoreFixture.Model m = EventStoreFixture.model("xi-" + label + "-" + RUN, ModelType.LLM, visibility, OWNER);
        long version = events.registerWithStatus(m, llm(m.name()), status);
        hidden.add(m.name());
        awaitCatalogue(m.id(), version);
        return m;
    }

    private static ObjectNode llm(String name) {
        ObjectNode definition = Fixtures.definition("llm");
        definition.put("model_name", name);
        return definition;
    }

    private MockHttpServletResponse download(String type, String ifNoneMatch, String acceptEncoding) throws Exception {
        var request = get("/api/models/download").param("model_type", type);
        if (ifNoneMatch != null) request.header("If-None-Match", ifNoneMatch);
        if (acceptEncoding != null) request.header("Accept-Encoding", acceptEncoding);
        return mvc.perform(request).andReturn().getResponse();
    }

    private static Map<String, JsonNode> byName(JsonNode array) {
        Map<String, JsonNode> byName = new HashMap<>();
        array.forEach(entry -> byName.put(entry.path("model_name").asText(), entry));
        return byName;
    }
}
