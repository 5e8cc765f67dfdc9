package io.xinference.hub.query.it;

import io.xinference.hub.devstack.AuthorizationTable;
import io.xinference.hub.devstack.VisibilityTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.devstack.Fixtures;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpMethod;
import io.xinference.hub.devstack.KeycloakTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The authorization matrix of query-side, as one table: <b>26 endpoints × 9 personas × cases (the 6 object cases
 * private, pending, public, enterprise, expired, deleted on the calls about one model, plus one case elsewhere) =
 * 61 rows, 549 cells</b> (asserted in {@link #theTableHasTheAdvertisedSize()}).
 * <p>
 * Each row: {@code METHOD path | case | statuses}, in the persona order of {@link Persona}: anonymous, plain user,
 * owner (of the models), other user (a second plain user: the id swap), reviewer, public maintainer, enterprise
 * maintainer, auditor, admin. Every cell is a real HTTP request to the running app with a real access token of the
 * realm's demo user (bob as the plain and the other user, alice the owner, rita, paula, erin, audrey, adam), so the
 * realm's role mapping, Keycloak's token shape and the resource server's checks are all part of it
 * ({@link VisibilityMatrixIT} checks search hits, totals and facets in depth). The admin is adam, who holds every
 * role of the realm, so the audit calls and the review queue are his too (hub-admin alone adds only the admin
 * calls). {@link #everyEndpointOfTheRunningAppHasRows()} reads {@code /v3/api-docs} and fails for an endpoint
 * without a row. Admin calls that would change something name an unknown object, so the
 * cell proves the permission check without side effects (400/404 for the admin, 403 for everyone else).
 * Auditors and admins see every model, in the catalogue as in the audit trail (the decision next to
 * {@code ModelGrants}). The shared visibility table ({@link VisibilityTable}) drives every object cell of the
 * catalogue and Xinference calls ({@link #everyObjectCellAnswersWhatTheSharedVisibilityTableSays()}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT extends QuerySideITSupport {

    private static final KeycloakTokens TOKENS = KeycloakTokens.forTestServices();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Real demo users of the realm; alice owns the models (her real subject is written into their events). */
    enum Persona {
        ANONYMOUS(null), PLAIN_USER("bob"), OWNER_("alice"), OTHER_USER("bob"), REVIEWER("rita"),
        PUBLIC_MAINTAINER("paula"), ENTERPRISE_MAINTAINER("erin"), AUDITOR("audrey"), ADMIN_("adam");

        final String user;

        Persona(String user) {
            this.user = user;
        }
    }

    /** endpoint | case | anonymous plain owner other reviewer public-maint enterprise-maint auditor admin */
    private static final String TABLE = """
            GET /api/catalogue/models/{id}            | private    | 404 404 200 404 404 200 404 200 200
            GET /api/catalogue/models/{id}            | pending    | 404 404 200 404 200 200 404 200 200
            GET /api/catalogue/models/{id}            | public     | 200 200 200 200 200 200 200 200 200
            GET /api/catalogue/models/{id}            | enterprise | 404 404 200 404 404 404 200 200 200
            GET /api/catalogue/models/{id}            | expired    | 404 404 200 404 404 200 404 200 200
            GET /api/catalogue/models/{id}            | deleted    | 404 404 200 404 404 200 404 200 200
            GET /api/catalogue/models/by-name/{name}  | private    | 404 404 200 404 404 200 404 200 200
            GET /api/catalogue/models/by-name/{name}  | pending    | 404 404 200 404 200 200 404 200 200
            GET /api/catalogue/models/by-name/{name}  | public     | 200 200 200 200 200 200 200 200 200
            GET /api/catalogue/models/by-name/{name}  | enterprise | 404 404 200 404 404 404 200 200 200
            GET /api/catalogue/models/by-name/{name}  | expired    | 404 404 200 404 404 200 404 200 200
            GET /api/catalogue/models/by-name/{name}  | deleted    | 404 404 200 404 404 200 404 200 200
            GET /api/models/{name}                    | private    | 403 403 200 403 403 200 403 200 200
            GET /api/models/{name}                    | pending    | 403 403 200 403 200 200 403 200 200
            GET /api/models/{name}                    | public     | 200 200 200 200 200 200 200 200 200
            GET /api/models/{name}                    | enterprise | 403 403 200 403 403 403 200 200 200
            GET /api/models/{name}                    | expired    | 403 403 200 403 403 200 403 200 200
            GET /api/models/{name}                    | deleted    | 404 404 404 404 404 404 404 404 404
            GET /api/audit-trail/models/{modelId}/history   | private    | 401 403 403 403 403 403 403 200 200
            GET /api/audit-trail/models/{modelId}/history   | pending    | 401 403 403 403 403 403 403 200 200
            GET /api/audit-trail/models/{modelId}/history   | public     | 401 403 403 403 403 403 403 200 200
            GET /api/audit-trail/models/{modelId}/history   | enterprise | 401 403 403 403 403 403 403 200 200
            GET /api/audit-trail/models/{modelId}/history   | expired    | 401 403 403 403 403 403 403 200 200
            GET /api/audit-trail/models/{modelId}/history   | deleted    | 401 403 403 403 403 403 403 200 200
            GET /api/audit-trail/models/{modelId}/state     | private    | 401 403 403 403 403 403 403 200 200
            GET /api/audit-trail/models/{modelId}/state     | pending    | 401 403 403 403 403 403 403 200 200
            GET /api/audit-trail/models/{modelId}/state     | public     | 401 403 403 403 403 403 403 200 200
            GET /api/audit-trail/models/{modelId}/state     | enterprise | 401 403 403 403 403 403 403 200 200
            GET /api/audit-trail/models/{modelId}/state     | expired    | 401 403 403 403 403 403 403 200 200
            GET /api/audit-trail/models/{modelId}/state     | deleted    | 401 403 403 403 403 403 403 200 200
            GET /api/audit-trail/models/{modelId}/diff      | private    | 401 403 403 403 403 403 403 200 200
            GET /api/audit-trail/models/{modelId}/diff      | pending    | 401 403 403 403 403 403 403 200 200
            GET /api/audit-trail/models/{modelId}/diff      | public     | 401 403 403 403 403 403 403 200 200
            GET /api/audit-trail/models/{modelId}/diff      | enterprise | 401 403 403 403 403 403 403 200 200
            GET /api/audit-trail/models/{modelId}/diff      | expired    | 401 403 403 403 403 403 403 200 200
            GET /api/audit-trail/models/{modelId}/diff      | deleted    | 401 403 403 403 403 403 403 200 200
            GET /api/audit-trail/models/{modelId}/integrity | private    | 401 403 403 403 403 403 403 200 200
            GET /api/audit-trail/models/{modelId}/integrity | pending    | 401 403 403 403 403 403 403 200 200
            GET /api/audit-trail/models/{modelId}/integrity | public     | 401 403 403 403 403 403 403 200 200
            GET /api/audit-trail/models/{modelId}/integrity | enterprise | 401 403 403 403 403 403 403 200 200
            GET /api/audit-trail/models/{modelId}/integrity | expired    | 401 403 403 403 403 403 403 200 200
            GET /api/audit-trail/models/{modelId}/integrity | deleted    | 401 403 403 403 403 403 403 200 200
            GET /api/catalogue/models                 | search     | 200 200 200 200 200 200 200 200 200
            GET /api/catalogue/suggestions            | search     | 200 200 200 200 200 200 200 200 200
            GET /api/catalogue/my-models              | own        | 401 200 200 200 200 200 200 200 200
            GET /api/review-queue                     | queue      | 401 403 403 403 200 403 403 403 200
            GET /api/audit-trail                      | trail      | 401 403 403 403 403 403 403 200 200
            GET /api/audit-trail/model-names          | names      | 401 403 403 403 403 403 403 200 200
            GET /api/audit-trail/export               | a day      | 401 403 403 403 403 403 403 200 200
            GET /api/audit-trail/integrity            | store      | 401 403 403 403 403 403 403 200 200
            GET /api/admin/projections                | list       | 401 403 403 403 403 403 403 403 200
            POST /api/admin/projections/{group}/dead-letters/retry | unknown group | 401 403 403 403 403 403 403 403 400
            DELETE /api/admin/projections/{group}/dead-letters/{modelId} | unknown group | 401 403 403 403 403 403 403 403 400
            POST /api/admin/rebuilds/{projection}     | unknown    | 401 403 403 403 403 403 403 403 400
            GET /api/admin/rebuilds                   | list       | 401 403 403 403 403 403 403 403 200
            GET /api/admin/model-names                | list       | 401 403 403 403 403 403 403 403 200
            GET /api/admin/rebuilds/{id}              | unknown    | 401 403 403 403 403 403 403 403 404
            DELETE /api/admin/rebuilds/{id}           | unknown    | 401 403 403 403 403 403 403 403 404
            GET /api/models/download                  | llm        | 200 200 200 200 200 200 200 200 200
            GET /api/models                           | featured   | 200 200 200 200 200 200 200 200 200
            GET /ui-config.json                       | config     | 200 200 200 200 200 200 200 200 200
            """;

    private static final Set<String> OBJECT_CASES = Set.of("private", "pending", "public", "enterprise", "expired",
            "deleted");

    record Row(String method, String path, String kase, EnumMap<Persona, Integer> expected) {
        String endpoint() {
            return method + " " + path;
        }
    }

    private static final List<Row> ROWS = AuthorizationTable.parse(TABLE, Persona.class).stream()
            .map(row -> new Row(row.method(), row.path(), row.kase(), row.expected())).toList();

    private final Map<String, EventStoreFixture.Model> models = new LinkedHashMap<>();

    @BeforeAll
    void modelsOfEveryCase() {
        Map<String, String> cases = Map.of("private", "PRIVATE:APPROVED", "pending", "PUBLIC:PENDING_REVIEW",
                "public", "PUBLIC:APPROVED", "enterprise", "ENTERPRISE:APPROVED", "expired", "PUBLIC:EXPIRED",
                "deleted", "PUBLIC:DELETED");
        Actor owner = new Actor(subjectOf(TOKENS.accessToken("alice")), "alice");
        cases.forEach((kase, cell) -> {
            String[] parts = cell.split(":");
            EventStoreFixture.Model m = EventStoreFixture.model("authz" + RUN + "-" + kase, ModelType.LLM,
                    Visibility.valueOf(parts[0]), owner);
            ObjectNode definition = Fixtures.definition("llm");
            definition.put("model_name", m.name());
            events.registerWithStatus(m, definition, ModelStatus.valueOf(parts[1]));
            models.put(kase, m);
        });
        models.values().forEach(m -> awaitCatalogue(m.id(), events.version(m.id())));
        refreshIndices();
    }

    @Test
    void theTableHasTheAdvertisedSize() {
        assertThat(ROWS.stream().map(Row::endpoint).distinct().count()).isEqualTo(26);
        assertThat(ROWS).hasSize(61);
        assertThat(ROWS.stream().mapToLong(row -> row.expected().size()).sum()).isEqualTo(549);
    }

    @Test
    void everyObjectCellAnswersWhatTheSharedVisibilityTableSays() {
        Map<String, String> cellOf = Map.of("private", "PRIVATE:APPROVED", "pending", "PUBLIC:PENDING_REVIEW",
                "public", "PUBLIC:APPROVED", "enterprise", "ENTERPRISE:APPROVED", "expired", "PUBLIC:EXPIRED",
                "deleted", "PUBLIC:DELETED");
        Map<Persona, String> tablePersona = Map.of(Persona.ANONYMOUS, "anonymous", Persona.PLAIN_USER, "plain user",
                Persona.OWNER_, "owner", Persona.OTHER_USER, "plain user", Persona.REVIEWER, "reviewer",
                Persona.PUBLIC_MAINTAINER, "public maintainer", Persona.ENTERPRISE_MAINTAINER, "enterprise maintainer",
                Persona.AUDITOR, "auditor", Persona.ADMIN_, "admin");
        int checked = 0;
        for (Row row : ROWS) {
            boolean catalogue = row.path().startsWith("/api/catalogue/models/");
            boolean xinference = row.endpoint().equals("GET /api/models/{name}");
            if (!catalogue && !xinference) {
                continue;
            }
            String[] cell = cellOf.get(row.kase()).split(":");
            for (Map.Entry<Persona, Integer> entry : row.expected().entrySet()) {
                boolean seen = VisibilityTable.sees(VisibilityTable.persona(tablePersona.get(entry.getKey())),
                        cell[0], cell[1]);
                int expected = xinference && cell[1].equals("DELETED") ? 404 : seen ? 200 : xinference ? 403 : 404;
                assertThat(entry.getValue()).as(row.endpoint() + " | " + row.kase() + " | " + entry.getKey())
                        .isEqualTo(expected);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(3 * 6 * 9);
    }

    @Test
    void everyEndpointOfTheRunningAppHasRows() throws Exception {
        JsonNode paths = json(mvc.perform(request(HttpMethod.GET, "/v3/api-docs")).andReturn().getResponse()
                .getContentAsString()).path("paths");
        Set<String> documented = AuthorizationTable.documentedEndpoints(paths);
        Set<String> inTable = new TreeSet<>();
        ROWS.forEach(row -> inTable.add(row.endpoint()));
        assertThat(documented).as("endpoints of /v3/api-docs").isNotEmpty();
        assertThat(documented).as("endpoints of /v3/api-docs without a row in the matrix").isSubsetOf(inTable);
        assertThat(inTable).as("rows for endpoints the app no longer has").isSubsetOf(documented);
    }

    @TestFactory
    Stream<DynamicTest> matrix() {
        List<DynamicTest> cells = new ArrayList<>();
        for (Row row : ROWS) {
            row.expected().forEach((persona, status) -> cells.add(DynamicTest.dynamicTest(
                    row.endpoint() + " | " + row.kase() + " | " + persona + " → " + status,
                    () -> run(row, persona, status))));
        }
        return cells.stream();
    }

    private void run(Row row, Persona persona, int expected) throws Exception {
        EventStoreFixture.Model m = OBJECT_CASES.contains(row.kase()) ? models.get(row.kase()) : null;
        String today = Instant.now().truncatedTo(ChronoUnit.DAYS).toString();
        String path = row.path()
                .replace("{id}", m != null ? m.id() : "00000000-0000-0000-0000-000000000000")
                .replace("{modelId}", m != null ? m.id() : "00000000-0000-0000-0000-000000000000")
                .replace("{name}", m != null ? m.name() : "unknown")
                .replace("{group}", "no-such-group")
                .replace("{projection}", "no-such-projection");
        String query = switch (row.endpoint()) {
            case "GET /api/audit-trail/models/{modelId}/state" -> "?version=0";
            case "GET /api/audit-trail/models/{modelId}/diff" -> "?from=0&to=0";
            case "GET /api/audit-trail/export" -> "?from=" + today + "&to="
                    + Instant.parse(today).plus(1, ChronoUnit.DAYS);
            case "GET /api/models/download" -> "?model_type=llm";
            case "GET /api/models" -> "?order=featured";
            case "GET /api/catalogue/suggestions", "GET /api/audit-trail/model-names" -> "?q=authz";
            default -> "";
        };
        HttpRequest.Builder call = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path + query))
                .timeout(Duration.ofSeconds(30)).method(row.method(), HttpRequest.BodyPublishers.noBody());
        if (persona.user != null) {
            call.header("Authorization", "Bearer " + TOKENS.accessToken(persona.user));
        }
        HttpResponse<String> answer = HTTP.send(call.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(row.endpoint() + " | " + row.kase() + " | " + persona + ": "
                + answer.body().substring(0, Math.min(300, answer.body().length()))).isEqualTo(expected);
    }

    private static String subjectOf(String accessToken) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(Base64.getUrlDecoder()
                    .decode(accessToken.split("\\.")[1])).path("sub").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
