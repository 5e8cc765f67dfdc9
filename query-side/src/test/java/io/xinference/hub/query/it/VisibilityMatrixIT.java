package io.xinference.hub.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.devstack.Fixtures;
import io.xinference.hub.devstack.VisibilityTable;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.security.HubPermission;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.xinference.hub.security.HubPermission.REVIEW_LIST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Personas × private/public/enterprise × every status: search hits, totals and facets, detail by id and by
 * name, the Xinference model call and the review queue all show exactly what the rules allow — no leaks, not
 * even in a count. The expected table is the shared, hand-written {@link VisibilityTable} (devstack), independent
 * of the production table ({@code ModelGrants}) whose Elasticsearch reading this test checks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibilityMatrixIT extends QuerySideITSupport {

    private static final String MARKER = "matrix" + RUN;
    private static final Actor OWNER = new Actor("matrix-owner-" + RUN, "mona");

    /** Persona → the "VISIBILITY:STATUS" cells it may see: the shared, hand-written {@link VisibilityTable}. */
    private static final Map<Personas, Set<String>> EXPECTED = new LinkedHashMap<>();

    static {
        for (VisibilityTable.Persona persona : VisibilityTable.personas()) {
            HubPermission[] permissions = persona.roles().stream()
                    .map(role -> HubPermission.fromRole(role).orElseThrow()).toArray(HubPermission[]::new);
            String subject = persona.anonymous() ? null
                    : persona.owner() ? OWNER.subject() : persona.name().replace(' ', '-') + "-" + RUN;
            EXPECTED.put(Personas.of(persona.name(), subject, permissions), VisibilityTable.seenBy(persona));
        }
    }

    /** cell → model */
    private final Map<String, EventStoreFixture.Model> models = new LinkedHashMap<>();

    @BeforeAll
    void registerEighteenModels() {
        for (Visibility visibility : Visibility.values()) {
            for (ModelStatus status : ModelStatus.values()) {
                String cell = visibility + ":" + status;
                EventStoreFixture.Model m = EventStoreFixture.model(MARKER + "-" + visibility.name().toLowerCase()
                        + "-" + status.name().toLowerCase(), ModelType.LLM, visibility, OWNER);
                ObjectNode definition = Fixtures.definition("llm");
                definition.put("model_name", m.name());
                events.registerWithStatus(m, definition, status);
                models.put(cell, m);
            }
        }
        models.values().forEach(m -> awaitCatalogue(m.id(), events.version(m.id())));
        models.values().forEach(m -> org.awaitility.Awaitility.await().atMost(PROJECTION_WAIT).until(() ->
                elasticsearchGet(indices.reviewQueue(), m.id(), JsonNode.class)
                        .map(d -> d.path("version").asLong() >= events.version(m.id())).orElse(false)));
        refreshIndices();
    }

    static Stream<Personas> personas() {
        return EXPECTED.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personas")
    void searchHitsTotalsAndFacetsShowExactlyTheVisibleModels(Personas persona) throws Exception {
        Set<String> expected = EXPECTED.get(persona);
        // every status asked for explicitly (deleted ones are hidden by default)
        JsonNode all = search(persona, "owner=" + OWNER.subject()
                + "&status=DRAFT,PENDING_REVIEW,REJECTED,APPROVED,EXPIRED,DELETED&size=100");
        assertThat(cells(all)).isEqualTo(new TreeSet<>(expected));
        assertThat(all.path("total").asLong()).isEqualTo(expected.size());
        assertThat(facet(all, "status")).isEqualTo(count(expected, 1));
        assertThat(facet(all, "visibility")).isEqualTo(count(expected, 0));
        assertThat(facet(all, "type")).isEqualTo(expected.isEmpty() ? Map.of() : Map.of("llm", (long) expected.size()));

        // full-text search, default statuses: the same minus deleted models
        Set<String> live = expected.stream().filter(cell -> !cell.endsWith(":DELETED")).collect(Collectors.toSet());
        JsonNode text = search(persona, "q=" + MARKER + "&size=100");
        assertThat(cells(text)).isEqualTo(new TreeSet<>(live));
        assertThat(text.path("total").asLong()).isEqualTo(live.size());
        assertThat(facet(text, "status")).isEqualTo(count(live, 1));
        assertThat(facet(text, "ability").get("chat")).isEqualTo(live.isEmpty() ? null : (long) live.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personas")
    void detailByIdAndByNameAnswerOnlyForVisibleModels(Personas persona) throws Exception {
        Set<String> expected = EXPECTED.get(persona);
        for (Map.Entry<String, EventStoreFixture.Model> entry : models.entrySet()) {
            boolean visible = expected.contains(entry.getKey());
            EventStoreFixture.Model m = entry.getValue();
            int byId = mvc.perform(get("/api/catalogue/models/" + m.id()).with(persona.token()))
                    .andReturn().getResponse().getStatus();
            int byName = mvc.perform(get("/api/catalogue/models/by-name/" + m.name()).with(persona.token()))
                    .andReturn().getResponse().getStatus();
            assertThat(List.of(byId, byName)).as(persona + " " + entry.getKey())
                    .containsOnly(visible ? 200 : 404);
            // the Xinference calls: 403 MODEL_PRIVATE for what exists but is hidden, 404 for deleted names
            var xinference = mvc.perform(get("/api/models/" + m.name()).with(persona.token())).andReturn()
                    .getResponse();
            boolean deleted = entry.getKey().endsWith(":DELETED");
            int expectedStatus = deleted ? 404 : visible ? 200 : 403;
            assertThat(xinference.getStatus()).as("xinference " + persona + " " + entry.getKey())
                    .isEqualTo(expectedStatus);
            if (expectedStatus == 403) {
                assertThat(json(xinference.getContentAsString()).path("error_code").asText())
                        .isEqualTo("MODEL_PRIVATE");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personas")
    void theReviewQueueIsForReviewersAndHidesWhatTheyMayNotSee(Personas persona) throws Exception {
        var response = mvc.perform(get("/api/review-queue?size=100").with(persona.token())).andReturn().getResponse();
        if (!persona.permissions().contains(REVIEW_LIST)) {
            assertThat(response.getStatus()).isEqualTo(persona.anonymous() ? 401 : 403);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            return;
        }
        assertThat(response.getStatus()).isEqualTo(200);
        Set<String> names = new HashSet<>();
        json(response.getContentAsString()).path("items").forEach(item -> names.add(item.path("modelName").asText()));
        Set<String> matrixNames = names.stream().filter(n -> n.startsWith(MARKER)).collect(Collectors.toSet());
        assertThat(matrixNames).containsExactlyInAnyOrder(models.get("PUBLIC:PENDING_REVIEW").name(),
                models.get("ENTERPRISE:PENDING_REVIEW").name());
    }

    private JsonNode search(Personas persona, String query) throws Exception {
        var response = mvc.perform(get("/api/catalogue/models?" + query).with(persona.token())).andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return json(response.getContentAsString());
    }

    private TreeSet<String> cells(JsonNode page) {
        Map<String, String> byId = new HashMap<>();
        models.forEach((cell, m) -> byId.put(m.id(), cell));
        TreeSet<String> cells = new TreeSet<>();
        page.path("items").forEach(item -> cells.add(byId.getOrDefault(item.path("modelId").asText(),
                "foreign:" + item.path("modelName").asText())));
        return cells;
    }

    private static Map<String, Long> facet(JsonNode page, String name) {
        Map<String, Long> counts = new HashMap<>();
        page.path("facets").path(name).fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    /** Counts of the cells' visibility (part 0) or status (part 1). */
    private static Map<String, Long> count(Set<String> cells, int part) {
        return cells.stream().collect(Collectors.groupingBy(cell -> cell.split(":")[part], Collectors.counting()));
    }
}
