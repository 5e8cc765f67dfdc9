package io.xinference.hub.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.devstack.Fixtures;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.query.audittrail.AuditEntry;
import io.xinference.hub.query.history.AuditExportController;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.xinference.hub.security.HubPermission.ADMIN;
import static io.xinference.hub.security.HubPermission.AUDIT_READ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The audit export streams every matching entry, in order, across pages, and only to auditors. */
class AuditExportIT extends QuerySideITSupport {

    private static final Actor OWNER = new Actor("export-owner-" + RUN, "ella");
    private static final Personas AUDITOR = Personas.of("audrey", "audrey-" + RUN, AUDIT_READ);
    private static final Personas ADMIN_ONLY = Personas.of("adam", "adam-" + RUN, ADMIN);

    @Autowired
    AuditExportController exportController;

    @Test
    void streamsTheFilteredTrailAcrossPagesAsNdjsonAndCsv() throws Exception {
        Instant from = Instant.now().minusSeconds(60);
        EventStoreFixture.Model m = model("export");
        EventStoreFixture.Model other = model("export-other");
        events.register(m, definition(m), ModelStatus.PENDING_REVIEW, null);
        events.reject(m, 1, "needs a licence, please");
        events.updateReadme(m, "=cmd|' /C calc'!A0");
        events.submit(m, 2, definition(m), "readme");
        long last = events.approve(m, 2, definition(m));
        events.register(other, definition(other), ModelStatus.APPROVED, null);
        await().atMost(PROJECTION_WAIT).until(() -> elasticsearchGet(indices.auditTrail(), m.id() + ":" + last,
                AuditEntry.class).isPresent() && elasticsearchGet(indices.auditTrail(), other.id() + ":0",
                AuditEntry.class).isPresent());
        refreshIndices();
        String range = "from=" + from + "&to=" + Instant.now().plusSeconds(60);

        ReflectionTestUtils.setField(exportController, "pageSize", 2);
        try {
            List<JsonNode> lines = ndjson("/api/audit-trail/export?" + range + "&modelId=" + m.id());
            assertThat(lines).extracting(line -> line.path("sequence").asLong()).containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(lines).extracting(line -> line.path("modelId").asText()).containsOnly(m.id());
            assertThat(lines).extracting(line -> line.path("action").asText())
                    .containsExactly("ModelRegistered", "ModelRejected", "ModelReadmeUpdated",
                            "ModelSubmittedForReview", "ModelApproved");

            List<JsonNode> byReviewer = ndjson("/api/audit-trail/export?" + range + "&modelId=" + m.id() + "&actor=rita");
            assertThat(byReviewer).extracting(line -> line.path("action").asText())
                    .containsExactly("ModelRejected", "ModelApproved");

            List<JsonNode> everyone = ndjson("/api/audit-trail/export?" + range);
            assertThat(everyone).extracting(line -> line.path("modelId").asText()).contains(m.id(), other.id());
            List<Instant> times = everyone.stream().map(line -> Instant.parse(line.path("timestamp").asText())).toList();
            assertThat(times).isSorted();

            MockHttpServletResponse csv = stream("/api/audit-trail/export?" + range + "&modelId=" + m.id() + "&format=csv");
            assertThat(csv.getContentType()).startsWith("text/csv");
            String[] rows = csv.getContentAsString().split("\r\n");
            assertThat(rows[0]).startsWith("timestamp,eventId,modelId,modelName,modelType,visibility,action,sequence");
            assertThat(rows).hasSize(6);
            assertThat(rows[2]).contains(",ModelRejected,1,reviewer-subject,rita,").contains("\"rejected review round 1");
            assertThat(Arrays.stream(rows).skip(1)).allSatisfy(row -> assertThat(row).contains(m.id()));
        } finally {
            ReflectionTestUtils.setField(exportController, "pageSize", 500);
        }
    }

    @Test
    void onlyAuditorsExportAndTheRangeIsRequiredAndCapped() throws Exception {
        Instant now = Instant.now();
        String range = "from=" + now.minusSeconds(60) + "&to=" + now;
        assertThat(status("/api/audit-trail/export?" + range, ADMIN_ONLY)).isEqualTo(403);
        assertThat(mvc.perform(get("/api/audit-trail/export?" + range)).andReturn().getResponse().getStatus())
                .isEqualTo(401);
        assertThat(status("/api/audit-trail/export?to=" + now, AUDITOR)).isEqualTo(400);
        assertThat(status("/api/audit-trail/export?from=" + now.minus(Duration.ofDays(400)) + "&to=" + now, AUDITOR))
                .isEqualTo(400);
        assertThat(status("/api/audit-trail/export?from=" + now + "&to=" + now.minusSeconds(1), AUDITOR)).isEqualTo(400);
        assertThat(status("/api/audit-trail/export?" + range + "&format=xml", AUDITOR)).isEqualTo(400);
        MockHttpServletResponse refused = mvc.perform(get("/api/audit-trail/export?" + range + "&format=xml")
                .with(AUDITOR.token())).andReturn().getResponse();
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(json(refused.getContentAsString()).path("errors").get(0).path("pointer").asText()).isEqualTo("format");
    }

    @Test
    void theAuditAndAdminEndpointsAreInTheOpenApiWithProblemDetails() throws Exception {
        JsonNode paths = json(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString())
                .path("paths");
        for (String path : List.of("/api/audit-trail/export", "/api/audit-trail/integrity",
                "/api/audit-trail/models/{modelId}/history", "/api/audit-trail/models/{modelId}/state",
                "/api/audit-trail/models/{modelId}/diff", "/api/audit-trail/models/{modelId}/integrity",
                "/api/admin/rebuilds/{projection}", "/api/admin/rebuilds/{id}",
                "/api/admin/projections/{group}/dead-letters/{modelId}")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(paths.path("/api/audit-trail/export").path("get").path("responses").path("400").path("content")
                .has("application/problem+json")).isTrue();
        assertThat(paths.path("/api/admin/rebuilds/{projection}").path("post").path("responses").path("409")
                .path("content").has("application/problem+json")).isTrue();
    }

    private List<JsonNode> ndjson(String url) throws Exception {
        MockHttpServletResponse response = stream(url);
        assertThat(response.getContentType()).startsWith("application/x-ndjson");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : response.getContentAsString().split("\n")) {
            if (!line.isBlank()) {
                lines.add(json(line));
            }
        }
        return lines;
    }

    private MockHttpServletResponse stream(String url) throws Exception {
        MvcResult started = mvc.perform(get(url).with(AUDITOR.token())).andReturn();
        MockHttpServletResponse response = mvc.perform(asyncDispatch(started)).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response;
    }

    private int status(String url, Personas persona) throws Exception {
        return mvc.perform(get(url).with(persona.token())).andReturn().getResponse().getStatus();
    }

    private static EventStoreFixture.Model model(String name) {
        return EventStoreFixture.model(name + "-" + RUN, ModelType.EMBEDDING, Visibility.PRIVATE, OWNER);
    }

    private static ObjectNode definition(EventStoreFixture.Model m) {
        ObjectNode definition = Fixtures.definition("embedding");
        definition.put("model_name", m.name());
        return definition;
    }
}
