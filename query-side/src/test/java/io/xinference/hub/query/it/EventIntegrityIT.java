package io.xinference.hub.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.devstack.Fixtures;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.xinference.hub.security.HubPermission.ADMIN;
import static io.xinference.hub.security.HubPermission.AUDIT_READ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Every stored event is anchored; editing a row in PostgreSQL is found, and the verification names that row. */
class EventIntegrityIT extends QuerySideITSupport {

    private static final Actor OWNER = new Actor("integrity-owner-" + RUN, "ingrid");
    private static final Personas AUDITOR = Personas.of("audrey", "audrey-" + RUN, AUDIT_READ);
    private static final Personas ADMIN_ONLY = Personas.of("adam", "adam-" + RUN, ADMIN);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anEventEditedInTheDatabaseIsNamedByBothVerifications() throws Exception {
        EventStoreFixture.Model m = EventStoreFixture.model("integrity-" + RUN, ModelType.RERANK, Visibility.PUBLIC, OWNER);
        ObjectNode definition = Fixtures.definition("rerank");
        definition.put("model_name", m.name());
        events.register(m, definition, ModelStatus.APPROVED, null);
        events.updateReadme(m, "the genuine readme");
        events.updateReadme(m, "a later readme");
        String modelUrl = "/api/audit-trail/models/" + m.id() + "/integrity";

        JsonNode intact = await().atMost(PROJECTION_WAIT).until(() -> ok(modelUrl),
                report -> report.path("eventsChecked").asLong() == 3 && report.path("unanchored").asLong() == 0);
        assertThat(intact.path("intact").asBoolean()).isTrue();
        assertThat(intact.path("firstBroken").isNull()).isTrue();
        JsonNode store = ok("/api/audit-trail/integrity");
        assertThat(store.path("intact").asBoolean()).as(store.toString()).isTrue();
        assertThat(store.path("eventsChecked").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(store.path("chainHead").asText()).hasSize(64);

        Map<String, Object> row = jdbc.queryForMap("SELECT global_index, event_identifier, payload FROM "
                + "domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1", m.id());
        byte[] genuine = (byte[]) row.get("payload");
        byte[] forged = new String(genuine, StandardCharsets.UTF_8).replace("the genuine readme", "a forged readme")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(forged).isNotEqualTo(genuine);
        jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", forged, row.get("global_index"));
        try {
            for (String url : new String[]{modelUrl, "/api/audit-trail/integrity"}) {
                JsonNode report = ok(url);
                assertThat(report.path("intact").asBoolean()).as(url).isFalse();
                JsonNode broken = report.path("firstBroken");
                assertThat(broken.path("problem").asText()).isEqualTo("ALTERED");
                assertThat(broken.path("eventId").asText()).isEqualTo(row.get("event_identifier"));
                assertThat(broken.path("globalIndex").asLong()).isEqualTo(((Number) row.get("global_index")).longValue());
                assertThat(broken.path("modelId").asText()).isEqualTo(m.id());
                assertThat(broken.path("sequence").asLong()).isEqualTo(1);
            }
        } finally {
            jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", genuine, row.get("global_index"));
        }
        assertThat(ok(modelUrl).path("intact").asBoolean()).isTrue();
    }

    /**
     * Every column of a stored event row is covered by its hash: an edit of any one of them (here as SQL an
     * attacker with database access would run) is named by both verifications, at that row, as ALTERED.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "aggregate_identifier ; UPDATE domain_event_entry SET aggregate_identifier = 'another-model' WHERE global_index = ?",
            "sequence_number      ; UPDATE domain_event_entry SET sequence_number = 1000 WHERE global_index = ?",
            "type                 ; UPDATE domain_event_entry SET type = 'SomethingElse' WHERE global_index = ?",
            "event_identifier     ; UPDATE domain_event_entry SET event_identifier = gen_random_uuid()::text WHERE global_index = ?",
            "payload_type         ; UPDATE domain_event_entry SET payload_type = 'io.xinference.hub.events.ModelDeleted' WHERE global_index = ?",
            "payload_revision     ; UPDATE domain_event_entry SET payload_revision = '99' WHERE global_index = ?",
            "time_stamp           ; UPDATE domain_event_entry SET time_stamp = '2020-01-01T00:00:00Z' WHERE global_index = ?",
            "meta_data            ; UPDATE domain_event_entry SET meta_data = meta_data || '\\x20'::bytea WHERE global_index = ?",
            "payload              ; UPDATE domain_event_entry SET payload = payload || '\\x20'::bytea WHERE global_index = ?"})
    void anEditOfAnyStoredColumnIsNamed(String column, String edit) throws Exception {
        EventStoreFixture.Model m = EventStoreFixture.model("integrity-" + column.replace('_', '-') + "-" + RUN,
                ModelType.RERANK, Visibility.PUBLIC, OWNER);
        ObjectNode definition = Fixtures.definition("rerank");
        definition.put("model_name", m.name());
        events.register(m, definition, ModelStatus.APPROVED, null);
        events.updateReadme(m, "a readme");
        String modelUrl = "/api/audit-trail/models/" + m.id() + "/integrity";
        await().atMost(PROJECTION_WAIT).until(() -> ok(modelUrl),
                report -> report.path("eventsChecked").asLong() == 2 && report.path("intact").asBoolean());
        Map<String, Object> genuine = jdbc.queryForMap("SELECT * FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND sequence_number = 1", m.id());
        long globalIndex = ((Number) genuine.get("global_index")).longValue();

        assertThat(jdbc.update(edit, globalIndex)).as(column).isEqualTo(1);
        try {
            Object edited = jdbc.queryForMap("SELECT " + column + " FROM domain_event_entry WHERE global_index = ?",
                    globalIndex).get(column);
            assertThat(java.util.Objects.deepEquals(edited, genuine.get(column))).as("the edit changed " + column)
                    .isFalse();
            for (String url : new String[]{modelUrl, "/api/audit-trail/integrity"}) {
                JsonNode broken = ok(url).path("firstBroken");
                assertThat(broken.path("problem").asText()).as(column + " at " + url).isEqualTo("ALTERED");
                assertThat(broken.path("globalIndex").asLong()).as(column + " at " + url).isEqualTo(globalIndex);
                assertThat(broken.path("eventId").asText()).isEqualTo(genuine.get("event_identifier"));
                assertThat(broken.path("modelId").asText()).isEqualTo(m.id());
            }
        } finally {
            jdbc.update("UPDATE domain_event_entry SET aggregate_identifier = ?, sequence_number = ?, type = ?,"
                            + " event_identifier = ?, payload_type = ?, payload_revision = ?, time_stamp = ?,"
                            + " meta_data = ?, payload = ? WHERE global_index = ?",
                    genuine.get("aggregate_identifier"), genuine.get("sequence_number"), genuine.get("type"),
                    genuine.get("event_identifier"), genuine.get("payload_type"), genuine.get("payload_revision"),
                    genuine.get("time_stamp"), genuine.get("meta_data"), genuine.get("payload"), globalIndex);
        }
        assertThat(ok(modelUrl).path("intact").asBoolean()).as("restored").isTrue();
    }

    @Test
    void aRemovedAnchorBreaksTheChainsAndNamesTheNextEvent() throws Exception {
        EventStoreFixture.Model m = EventStoreFixture.model("integrity-anchor-" + RUN, ModelType.RERANK, Visibility.PUBLIC, OWNER);
        ObjectNode definition = Fixtures.definition("rerank");
        definition.put("model_name", m.name());
        events.register(m, definition, ModelStatus.APPROVED, null);
        events.updateReadme(m, "one");
        events.updateReadme(m, "two");
        String modelUrl = "/api/audit-trail/models/" + m.id() + "/integrity";
        await().atMost(PROJECTION_WAIT).until(() -> ok(modelUrl),
                report -> report.path("eventsChecked").asLong() == 3 && report.path("intact").asBoolean());

        Map<String, Object> anchor = jdbc.queryForMap("SELECT * FROM event_integrity WHERE aggregate_identifier = ? "
                + "AND sequence_number = 1", m.id());
        jdbc.update("DELETE FROM event_integrity WHERE anchor_seq = ?", anchor.get("anchor_seq"));
        try {
            JsonNode report = ok(modelUrl);
            assertThat(report.path("intact").asBoolean()).isFalse();
            assertThat(report.path("unanchored").asLong()).isEqualTo(1);
            assertThat(report.path("firstBroken").path("problem").asText()).isEqualTo("MODEL_CHAIN_BROKEN");
            assertThat(report.path("firstBroken").path("sequence").asLong()).isEqualTo(2);
        } finally {
            jdbc.update("INSERT INTO event_integrity (anchor_seq, global_index, event_identifier, aggregate_identifier, "
                            + "sequence_number, event_hash, model_chain_hash, store_chain_hash, anchored_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", anchor.get("anchor_seq"), anchor.get("global_index"),
                    anchor.get("event_identifier"), anchor.get("aggregate_identifier"), anchor.get("sequence_number"),
                    anchor.get("event_hash"), anchor.get("model_chain_hash"), anchor.get("store_chain_hash"),
                    anchor.get("anchored_at"));
        }
        assertThat(ok(modelUrl).path("intact").asBoolean()).isTrue();
    }

    @Test
    void verificationNeedsAuditRead() throws Exception {
        assertThat(mvc.perform(get("/api/audit-trail/integrity").with(ADMIN_ONLY.token())).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/audit-trail/integrity")).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get("/api/audit-trail/models/unknown-" + RUN + "/integrity").with(AUDITOR.token()))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    private JsonNode ok(String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(AUDITOR.token())).andReturn().getResponse();
        assertThat(response.getStatus()).as(url + " " + response.getContentAsString()).isEqualTo(200);
        return json(response.getContentAsString());
    }
}
