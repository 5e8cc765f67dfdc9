package io.xinference.hub.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.devstack.Fixtures;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.xinference.hub.security.HubPermission.AUDIT_READ;
import static io.xinference.hub.security.HubPermission.REGISTER_PRIVATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;

/** The query API's behaviour beyond visibility: search, paging, limits, read-your-writes, audit, UI plumbing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueApiIT extends QuerySideITSupport {

    private static final String MARKER = "pager" + RUN;
    private static final Actor OWNER = new Actor("api-owner-" + RUN, "otto");
    private static final Personas OWNER_PERSONA = Personas.of("otto", OWNER.subject(), REGISTER_PRIVATE);
    private static final Personas AUDITOR = Personas.of("audrey", "audrey-" + RUN, AUDIT_READ);

    private final Map<String, EventStoreFixture.Model> models = new LinkedHashMap<>();

    @BeforeAll
    void registerModels() {
        for (String letter : List.of("e", "b", "d", "a", "c")) {
            boolean llm = !letter.equals("b") && !letter.equals("d");
            EventStoreFixture.Model m = EventStoreFixture.model(MARKER + "-" + letter, llm ? ModelType.LLM
                    : ModelType.EMBEDDING, Visibility.PUBLIC, OWNER);
            ObjectNode definition = Fixtures.definition(llm ? "llm" : "embedding");
            definition.put("model_name", m.name());
            events.register(m, definition, ModelStatus.APPROVED, null);
            models.put(letter, m);
        }
        events.updateReadme(models.get("c"), "Fine-tuned on zebrafish" + RUN + " genomics papers.");
        models.values().forEach(m -> awaitCatalogue(m.id(), events.version(m.id())));
    }

    @Test
    void cursorPagingWalksEveryModelOnceInOrder() throws Exception {
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = ok("/api/catalogue/models?q=" + MARKER + "&sort=name&size=2"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.path("total").asInt()).isEqualTo(5);
            page.path("items").forEach(item -> names.add(item.path("modelName").asText()));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(names).containsExactly(MARKER + "-a", MARKER + "-b", MARKER + "-c", MARKER + "-d", MARKER + "-e");
    }

    @Test
    void filtersNarrowHitsAndFacetsAlike() throws Exception {
        JsonNode embeddings = ok("/api/catalogue/models?q=" + MARKER + "&type=embedding");
        assertThat(embeddings.path("total").asInt()).isEqualTo(2);
        assertThat(embeddings.path("facets").path("type").path("embedding").asInt()).isEqualTo(2);
        assertThat(embeddings.path("facets").path("type").has("llm")).isFalse();

        JsonNode sized = ok("/api/catalogue/models?q=" + MARKER + "&minSize=30&maxSize=40");
        assertThat(sized.path("items").findValuesAsText("modelType")).containsOnly("llm").hasSize(3);
        JsonNode chat = ok("/api/catalogue/models?q=" + MARKER + "&ability=chat&language=zh&format=awq");
        assertThat(chat.path("total").asInt()).isEqualTo(3);
        JsonNode byOwner = ok("/api/catalogue/models?owner=otto&q=" + MARKER);
        assertThat(byOwner.path("total").asInt()).isEqualTo(5);
    }

    @Test
    void fullTextSearchCoversTheReadme() throws Exception {
        JsonNode found = ok("/api/catalogue/models?q=zebrafish" + RUN);
        List<String> names = new ArrayList<>();
        found.path("items").forEach(item -> names.add(item.path("modelName").asText()));
        assertThat(names).containsExactly(MARKER + "-c");
        // the match is marked in the README fragment (highlights hold marked text, not HTML)
        assertThat(found.path("items").get(0).path("highlights").path("readme").get(0).asText())
                .contains("\uE000zebrafish" + RUN + "\uE001");
        // summaries leave the heavy fields out
        assertThat(found.path("items").get(0).has("definition")).isFalse();
    }

    @Test
    void badInputIsA400ProblemNamingTheParameter() throws Exception {
        Map<String, String> cases = Map.of(
                "/api/catalogue/models?size=101", "size",
                "/api/catalogue/models?size=0", "size",
                "/api/catalogue/models?q=" + "x".repeat(201), "q",
                "/api/catalogue/models?type=chatbot", "type",
                "/api/catalogue/models?status=BOGUS", "status",
                "/api/catalogue/models?cursor=garbage", "cursor",
                "/api/catalogue/models?minSize=abc", "minSize",
                "/api/catalogue/models?sort=random", "sort",
                "/api/audit-trail?from=yesterday", "from");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            MockHttpServletResponse response = mvc.perform(get(c.getKey()).with(AUDITOR.token())).andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(c.getKey()).isEqualTo(400);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            assertThat(json(response.getContentAsString()).path("errors").get(0).path("pointer").asText())
                    .as(c.getKey()).isEqualTo(c.getValue());
        }
        MockHttpServletResponse missing = mvc.perform(get("/api/catalogue/models/no-such-id")).andReturn().getResponse();
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getContentType()).startsWith("application/problem+json");
    }

    @Test
    void myModelsAreTheCallersOwnInAnyStatus() throws Exception {
        EventStoreFixture.Model pending = EventStoreFixture.model(MARKER + "-mine", ModelType.RERANK,
                Visibility.ENTERPRISE, OWNER);
        ObjectNode definition = Fixtures.definition("rerank");
        definition.put("model_name", pending.name());
        events.register(pending, definition, ModelStatus.PENDING_REVIEW, null);
        awaitCatalogue(pending.id(), 0);
        // search sees a write after the index refresh (≤ 1 s); detail reads are real-time
        JsonNode mine = org.awaitility.Awaitility.await().atMost(PROJECTION_WAIT).until(() -> json(mvc.perform(
                        get("/api/catalogue/my-models?size=100").with(OWNER_PERSONA.token())).andReturn().getResponse()
                        .getContentAsString()),
                page -> page.path("items").findValuesAsText("modelName").contains(pending.name()));
        assertThat(mine.path("items").findValuesAsText("modelName")).contains(pending.name(), MARKER + "-a");
        mine.path("items").forEach(item -> assertThat(item.path("owner").path("subject").asText())
                .isEqualTo(OWNER.subject()));
        assertThat(mvc.perform(get("/api/catalogue/my-models")).andReturn().getResponse().getStatus()).isEqualTo(401);
        JsonNode others = json(mvc.perform(get("/api/catalogue/my-models").with(AUDITOR.token())).andReturn()
                .getResponse().getContentAsString());
        assertThat(others.path("items").findValuesAsText("modelName")).doesNotContain(pending.name());
    }

    @Test
    void readYourWritesWaitsForTheVersionAndOtherwiseSaysStale() throws Exception {
        EventStoreFixture.Model m = models.get("a");
        long version = events.updateReadme(m, "fresh readme");
        JsonNode fresh = ok("/api/catalogue/models/" + m.id() + "?minVersion=" + version);
        assertThat(fresh.path("version").asLong()).isEqualTo(version);
        assertThat(fresh.path("readme").asText()).isEqualTo("fresh readme");
        assertThat(fresh.path("stale").asBoolean()).isFalse();

        JsonNode byName = ok("/api/catalogue/models/by-name/" + m.name() + "?minVersion=" + version);
        assertThat(byName.path("readme").asText()).isEqualTo("fresh readme");

        // a version that will never come: the answer is the current one, marked stale
        JsonNode stale = ok("/api/catalogue/models/" + m.id() + "?minVersion=" + (version + 100));
        assertThat(stale.path("stale").asBoolean()).isTrue();
        assertThat(stale.path("version").asLong()).isEqualTo(version);
    }

    @Test
    void theAuditTrailIsForAuditorsAndFilters() throws Exception {
        EventStoreFixture.Model m = models.get("c");
        org.awaitility.Awaitility.await().atMost(PROJECTION_WAIT).until(() ->
                elasticsearchGet(indices.auditTrail(), m.id() + ":1", JsonNode.class).isPresent());
        refreshIndices();
        JsonNode trail = json(mvc.perform(get("/api/audit-trail?modelId=" + m.id()).with(AUDITOR.token()))
                .andReturn().getResponse().getContentAsString());
        assertThat(trail.path("items").findValuesAsText("action")).containsExactly("ModelReadmeUpdated", "ModelRegistered");
        assertThat(trail.path("items").get(0).path("actor").path("username").asText()).isEqualTo("otto");
        JsonNode registered = json(mvc.perform(get("/api/audit-trail?modelId=" + m.id() + "&action=ModelRegistered"
                + "&actor=otto&from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00Z").with(AUDITOR.token())).andReturn()
                .getResponse().getContentAsString());
        assertThat(registered.path("total").asInt()).isEqualTo(1);
        JsonNode none = json(mvc.perform(get("/api/audit-trail?modelId=" + m.id() + "&to=2000-01-01T00:00:00Z")
                .with(AUDITOR.token())).andReturn().getResponse().getContentAsString());
        assertThat(none.path("total").asInt()).isZero();
        assertThat(mvc.perform(get("/api/audit-trail").with(OWNER_PERSONA.token())).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/audit-trail")).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void theUiIsServedForClientRoutesAndConfiguredAtRunTime() throws Exception {
        MockHttpServletResponse detail = mvc.perform(get("/models/detail/Qwen2.5-7B-Instruct")).andReturn()
                .getResponse();
        assertThat(detail.getStatus()).isEqualTo(200);
        assertThat(detail.getContentAsString()).contains("query-side-test-index");
        mvc.perform(get("/")).andExpect(forwardedUrl("/index.html"));
        assertThat(mvc.perform(get("/api/no-such-api")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/missing.png")).andReturn().getResponse().getStatus()).isEqualTo(404);

        JsonNode config = ok("/ui-config.json");
        assertThat(config.path("realm").asText()).isEqualTo("models-hub");
        assertThat(config.path("clientId").asText()).isEqualTo("models-hub-ui");
        assertThat(config.path("keycloakUrl").asText()).startsWith("http");
        assertThat(config.path("commandApiUrl").asText()).startsWith("http");

        JsonNode openApi = ok("/v3/api-docs");
        assertThat(openApi.path("paths").has("/api/catalogue/models")).isTrue();
        assertThat(openApi.path("paths").has("/api/models/download")).isTrue();
    }

    private JsonNode ok(String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url)).andReturn().getResponse();
        assertThat(response.getStatus()).as(url + " " + response.getContentAsString()).isEqualTo(200);
        return json(response.getContentAsString());
    }
}
