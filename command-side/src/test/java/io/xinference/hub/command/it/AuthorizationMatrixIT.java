package io.xinference.hub.command.it;

import io.xinference.hub.devstack.AuthorizationTable;
import io.xinference.hub.devstack.VisibilityTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization matrix of command-side, as one table: <b>26 endpoints × 9 personas × cases (the 6 object cases
 * private, pending, public, enterprise, expired, deleted where an endpoint acts on a model, plus mass-assignment,
 * scope and self cases) = 89 rows, 712 cells</b> (asserted in {@link #theTableHasTheAdvertisedSize()}).
 * <p>
 * Each row: {@code METHOD path | case | statuses}, the statuses in the persona order of {@link Persona}:
 * anonymous, plain user (alice, on calls about herself), owner (of the model or webhook: alice, erin for the
 * enterprise model), other user (bob: a plain user swapping in someone else's id), reviewer (rita), public
 * maintainer (paula), enterprise maintainer (erin; also the enterprise model's owner), auditor (audrey), admin
 * (adam). {@code -} marks a cell that does not apply (no owner on calls about oneself; on a model or webhook, a
 * plain user is "other user").
 * <p>
 * A change that is expected to succeed runs on a fresh object of that case (so it cannot disturb other cells);
 * refusals run on one shared object per case and change nothing. {@link #everyEndpointOfTheRunningAppHasRows()}
 * reads the running app's {@code /v3/api-docs} and fails for an endpoint without a row.
 * Cells decided differently from the user guide are commented in the table. This replaces the former
 * {@code PermissionMatrixIT} (its 43 cases are cells here, the registration's starting status included).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT extends CommandSideIT {

    enum Persona {
        ANONYMOUS(null), PLAIN_USER("alice"), OWNER(null), OTHER_USER("bob"), REVIEWER("rita"),
        PUBLIC_MAINTAINER("paula"), ENTERPRISE_MAINTAINER("erin"), AUDITOR("audrey"), ADMIN("adam");

        final String user;

        Persona(String user) {
            this.user = user;
        }
    }

    private static final String M = "/api/registry/models/{id}";
    private static final String W = "/api/webhooks/{id}";

    /** endpoint | case | anonymous plain owner other reviewer public-maint enterprise-maint auditor admin */
    private static final String TABLE = """
            POST /api/registry/models               | private               | 401 201 -   201 201 201 201 201 201
            POST /api/registry/models               | public                | 401 201 -   201 201 201 201 201 201
            POST /api/registry/models               | enterprise            | 401 403 -   403 403 403 201 403 201
            POST /api/registry/models               | mass: owner           | 401 400 -   400 400 400 400 400 400
            POST /api/registry/models               | mass: status          | 401 400 -   400 400 400 400 400 400
            POST /api/registry/models               | mass: version         | 401 400 -   400 400 400 400 400 400
            POST /api/registry/models               | mass: is_builtin      | 401 400 -   400 400 400 400 400 400
            POST /api/registry/validation           | valid                 | 401 200 -   200 200 200 200 200 200
            POST /api/registry/validation           | mass: owner           | 401 400 -   400 400 400 400 400 400
            GET /api/registry/readme                | no model id           | 401 400 -   400 400 400 400 400 400
            POST /api/registry/readme/template      | embedding             | 401 200 -   200 200 200 200 200 200
            GET /api/users/me                       | self                  | 401 200 -   200 200 200 200 200 200
            PUT /api/users/me/github-token          | self                  | 401 204 -   204 204 204 204 204 204
            PUT /api/users/me/github-token          | mass: owner           | 401 400 -   400 400 400 400 400 400
            DELETE /api/users/me/github-token       | self                  | 401 204 -   204 204 204 204 204 204
            GET /api/users/me/notifications         | self                  | 401 200 -   200 200 200 200 200 200
            PUT /api/users/me/notifications         | self                  | 401 200 -   200 200 200 200 200 200
            PUT /api/users/me/notifications         | new submissions       | 401 422 -   422 200 422 422 422 200
            PUT /api/users/me/notifications         | mass: owner           | 401 400 -   400 400 400 400 400 400
            POST /api/webhooks                      | own models            | 401 201 -   201 201 201 201 201 201
            POST /api/webhooks                      | all public            | 401 403 -   403 403 403 403 403 201
            POST /api/webhooks                      | mass: secret          | 401 400 -   400 400 400 400 400 400
            GET /api/webhooks                       | own                   | 401 200 -   200 200 200 200 200 200
            GET /api/webhooks/{id}                  | alice's               | 401 -   200 404 404 404 404 404 404
            PUT /api/webhooks/{id}                  | alice's               | 401 -   200 404 404 404 404 404 404
            PUT /api/webhooks/{id}                  | mass: owner           | 401 -   400 400 400 400 400 400 400
            DELETE /api/webhooks/{id}               | alice's               | 401 -   204 404 404 404 404 404 404
            GET /api/webhooks/{id}/deliveries       | alice's               | 401 -   200 404 404 404 404 404 404
            GET /api/webhooks/{id}/deliveries/{deliveryId} | unknown delivery | 401 - 404 404 404 404 404 404 404
            POST /api/webhooks/{id}/deliveries/{deliveryId}/redelivery | unknown delivery | 401 - 404 404 404 404 404 404 404
            PUT /api/registry/models/{id}/definition | private              | 401 -   200 404 404 200 404 403 200
            # under review nobody edits, maintainers included: the owner withdraws first (409)
            PUT /api/registry/models/{id}/definition | pending              | 401 -   409 404 403 409 404 403 409
            PUT /api/registry/models/{id}/definition | public               | 401 -   403 403 403 200 403 403 200
            PUT /api/registry/models/{id}/definition | enterprise           | 401 -   200 404 404 404 200 403 200
            # expired models leave the catalogue (ModelGrants): who neither owns nor maintains public models no longer sees them
            PUT /api/registry/models/{id}/definition | expired              | 401 -   403 404 404 409 404 403 409
            # a deleted model is gone for everyone, owner and admin included: 404, not 409
            PUT /api/registry/models/{id}/definition | deleted              | 401 -   404 404 404 404 404 404 404
            # a client's updated_at in a definition is dropped, not refused (the user guide: the hub owns it)
            PUT /api/registry/models/{id}/definition | mass: updated_at     | 401 -   200 404 404 200 404 403 200
            PUT /api/registry/models/{id}/definition | mass: is_builtin     | 401 -   400 404 404 400 404 403 400
            PUT /api/registry/models/{id}/definition | mass: owner          | 401 -   400 400 400 400 400 400 400
            PUT /api/registry/models/{id}/readme    | private               | 401 -   200 404 404 200 404 403 200
            PUT /api/registry/models/{id}/readme    | pending               | 401 -   409 404 403 409 404 403 409
            PUT /api/registry/models/{id}/readme    | public                | 401 -   403 403 403 200 403 403 200
            PUT /api/registry/models/{id}/readme    | enterprise            | 401 -   200 404 404 404 200 403 200
            PUT /api/registry/models/{id}/readme    | expired               | 401 -   403 404 404 409 404 403 409
            PUT /api/registry/models/{id}/readme    | deleted               | 401 -   404 404 404 404 404 404 404
            PUT /api/registry/models/{id}/readme    | mass: status          | 401 -   400 400 400 400 400 400 400
            POST /api/registry/models/{id}/submission | private             | 401 -   409 404 404 403 404 403 403
            POST /api/registry/models/{id}/submission | pending             | 401 -   409 404 403 403 404 403 403
            POST /api/registry/models/{id}/submission | public              | 401 -   409 403 403 403 403 403 403
            POST /api/registry/models/{id}/submission | enterprise          | 401 -   409 404 404 404 409 403 403
            POST /api/registry/models/{id}/submission | expired             | 401 -   409 404 404 403 404 403 403
            POST /api/registry/models/{id}/submission | deleted             | 401 -   404 404 404 404 404 404 404
            DELETE /api/registry/models/{id}/submission | private           | 401 -   409 404 404 403 404 403 403
            DELETE /api/registry/models/{id}/submission | pending           | 401 -   200 404 403 403 404 403 403
            DELETE /api/registry/models/{id}/submission | public            | 401 -   409 403 403 403 403 403 403
            DELETE /api/registry/models/{id}/submission | enterprise        | 401 -   409 404 404 404 409 403 403
            DELETE /api/registry/models/{id}/submission | expired           | 401 -   409 404 404 403 404 403 403
            DELETE /api/registry/models/{id}/submission | deleted           | 401 -   404 404 404 404 404 404 404
            POST /api/registry/models/{id}/approval | private               | 401 -   403 404 404 403 404 403 409
            POST /api/registry/models/{id}/approval | pending               | 401 -   403 404 200 403 404 403 200
            POST /api/registry/models/{id}/approval | public                | 401 -   403 403 409 403 403 403 409
            POST /api/registry/models/{id}/approval | enterprise            | 401 -   403 404 404 404 403 403 409
            POST /api/registry/models/{id}/approval | expired               | 401 -   403 404 404 403 404 403 409
            POST /api/registry/models/{id}/approval | deleted               | 401 -   404 404 404 404 404 404 404
            POST /api/registry/models/{id}/rejection | private              | 401 -   403 404 404 403 404 403 409
            POST /api/registry/models/{id}/rejection | pending              | 401 -   403 404 200 403 404 403 200
            POST /api/registry/models/{id}/rejection | public               | 401 -   403 403 409 403 403 403 409
            POST /api/registry/models/{id}/rejection | enterprise           | 401 -   403 404 404 404 403 403 409
            POST /api/registry/models/{id}/rejection | expired              | 401 -   403 404 404 403 404 403 409
            POST /api/registry/models/{id}/rejection | deleted              | 401 -   404 404 404 404 404 404 404
            POST /api/registry/models/{id}/rejection | mass: reviewer       | 401 -   400 400 400 400 400 400 400
            PUT /api/registry/models/{id}/expiration | private              | 401 -   200 404 404 200 404 403 200
            PUT /api/registry/models/{id}/expiration | pending              | 401 -   403 404 403 200 404 403 200
            PUT /api/registry/models/{id}/expiration | public               | 401 -   403 403 403 200 403 403 200
            PUT /api/registry/models/{id}/expiration | enterprise           | 401 -   200 404 404 404 200 403 200
            PUT /api/registry/models/{id}/expiration | expired              | 401 -   403 404 404 409 404 403 409
            PUT /api/registry/models/{id}/expiration | deleted              | 401 -   404 404 404 404 404 404 404
            POST /api/registry/models/{id}/expiry   | private               | 401 -   200 404 404 200 404 403 200
            POST /api/registry/models/{id}/expiry   | pending               | 401 -   403 404 403 200 404 403 200
            POST /api/registry/models/{id}/expiry   | public                | 401 -   403 403 403 200 403 403 200
            POST /api/registry/models/{id}/expiry   | enterprise            | 401 -   200 404 404 404 200 403 200
            POST /api/registry/models/{id}/expiry   | expired               | 401 -   403 404 404 409 404 403 409
            POST /api/registry/models/{id}/expiry   | deleted               | 401 -   404 404 404 404 404 404 404
            DELETE /api/registry/models/{id}        | private               | 401 -   200 404 404 200 404 403 200
            DELETE /api/registry/models/{id}        | pending               | 401 -   200 404 403 200 404 403 200
            DELETE /api/registry/models/{id}        | public                | 401 -   403 403 403 200 403 403 200
            DELETE /api/registry/models/{id}        | enterprise            | 401 -   200 404 404 404 200 403 200
            DELETE /api/registry/models/{id}        | expired               | 401 -   403 404 404 200 404 403 200
            DELETE /api/registry/models/{id}        | deleted               | 401 -   404 404 404 404 404 404 404
            """;

    record Row(String method, String path, String kase, EnumMap<Persona, Integer> expected) {
        String endpoint() {
            return method + " " + path;
        }
    }

    private static final List<Row> ROWS = AuthorizationTable.parse(TABLE, Persona.class).stream()
            .map(row -> new Row(row.method(), row.path(), row.kase(), row.expected())).toList();
    private static final boolean ALWAYS_FRESH = System.getenv("HUB_MATRIX_ALWAYS_FRESH") != null;

    /** The shared object per case (refusals only). */
    private final Map<String, String> shared = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private String alicesWebhook;

    @BeforeAll
    void sharedObjects() {
        // webhooks are capped per user: start from none (as WebhookIT does)
        for (Persona persona : Persona.values()) {
            if (persona.user != null) {
                api().call("GET", "/api/webhooks").token(token(persona.user)).send().body().findValuesAsText("id")
                        .forEach(id -> api().call("DELETE", "/api/webhooks/" + id).token(token(persona.user)).send());
            }
        }
        for (String kase : List.of("private", "pending", "public", "enterprise", "expired", "deleted")) {
            shared.put(kase, model(kase));
        }
        alicesWebhook = webhook("alice");
    }

    @Test
    void theTableHasTheAdvertisedSize() {
        long rows = ROWS.size();
        long cells = ROWS.stream().mapToLong(row -> row.expected().size()).sum();
        long endpoints = ROWS.stream().map(Row::endpoint).distinct().count();
        assertThat(endpoints).isEqualTo(26);
        assertThat(rows).isEqualTo(89);
        assertThat(cells).isEqualTo(712);
    }

    /**
     * The shared visibility table drives every object cell: a model the table hides from a persona answers 404 on
     * every endpoint, one it shows never does (deleted models are gone for everyone on this side).
     */
    @Test
    void everyObjectCellIs404ExactlyWhereTheSharedVisibilityTableHidesTheModel() {
        Map<String, String> cellOf = Map.of("private", "PRIVATE:APPROVED", "pending", "PUBLIC:PENDING_REVIEW",
                "public", "PUBLIC:APPROVED", "enterprise", "ENTERPRISE:APPROVED", "expired", "PUBLIC:EXPIRED");
        int checked = 0;
        for (Row row : ROWS) {
            String cell = cellOf.get(row.kase());
            if (cell == null || !row.path().startsWith(M)) {
                continue;
            }
            for (Map.Entry<Persona, Integer> entry : row.expected().entrySet()) {
                if (entry.getKey() == Persona.ANONYMOUS) {
                    continue; // 401 comes first
                }
                String[] parts = cell.split(":");
                boolean seen = VisibilityTable.sees(tablePersona(entry.getKey(), row.kase()), parts[0], parts[1]);
                assertThat(entry.getValue() == 404).as(row.endpoint() + " | " + row.kase() + " | " + entry.getKey())
                        .isEqualTo(!seen);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(9 * 5 * 7);
    }

    private static VisibilityTable.Persona tablePersona(Persona persona, String kase) {
        return VisibilityTable.persona(switch (persona) {
            case OWNER -> "owner";
            case ENTERPRISE_MAINTAINER -> "enterprise".equals(kase) ? "owner" : "enterprise maintainer";
            case PLAIN_USER, OTHER_USER -> "plain user";
            case REVIEWER -> "reviewer";
            case PUBLIC_MAINTAINER -> "public maintainer";
            case AUDITOR -> "auditor";
            case ADMIN -> "admin";
            case ANONYMOUS -> "anonymous";
        });
    }

    @Test
    void everyEndpointOfTheRunningAppHasRows() {
        JsonNode paths = api().call("GET", "/v3/api-docs").send().body().path("paths");
        Set<String> documented = AuthorizationTable.documentedEndpoints(paths);
        Set<String> inTable = new TreeSet<>();
        ROWS.forEach(row -> inTable.add(row.endpoint()));
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

    private void run(Row row, Persona persona, int expected) {
        boolean objectCase = Set.of("private", "pending", "public", "enterprise", "expired", "deleted")
                .contains(row.kase());
        boolean onModel = row.path().startsWith(M);
        boolean onWebhook = row.path().startsWith(W);
        boolean fresh = ALWAYS_FRESH || expected / 100 == 2;
        String kase = onModel && !objectCase ? "private" : row.kase();
        String id = !onModel ? null : fresh ? model(kase) : shared.get(kase);
        String webhookId = !onWebhook ? null : fresh ? webhook("alice") : alicesWebhook;
        String user = switch (persona) {
            case ANONYMOUS -> null;
            case OWNER -> onModel && "enterprise".equals(kase) ? "erin" : "alice";
            default -> persona.user;
        };
        String path = row.path().replace("{deliveryId}", "00000000-0000-0000-0000-000000000000");
        if (onModel) {
            path = path.replace("{id}", id);
        }
        if (onWebhook) {
            path = path.replace("{id}", webhookId);
        }
        Api.Call call = api().call(row.method(), path);
        if (user != null) {
            call.token(token(user));
        }
        Object body = body(row, id);
        if (body != null) {
            call.json(body);
        }
        Api.Answer answer = call.send();
        assertThat(answer.status()).as(row.endpoint() + " | " + row.kase() + " | " + persona + ": " + answer)
                .isEqualTo(expected);
        if (expected >= 400) {
            assertThat(answer.contentType()).as("a problem").contains("application/problem+json");
        }
        if (answer.status() == 201 && row.path().equals("/api/registry/models")) {
            // the lifecycle status a registration starts in (folded in from the former PermissionMatrixIT)
            String started = answer.body().path("status").asText();
            if (!"public".equals(kase)) {
                assertThat(started).isEqualTo("APPROVED");
            } else if (Set.of("paula", "adam").contains(user)) {
                assertThat(started).as("published at once").isEqualTo("APPROVED");
            } else if (!"erin".equals(user)) {
                assertThat(started).as("goes to review").isEqualTo("PENDING_REVIEW");
            }
        }
        if (answer.status() == 201 && row.path().equals("/api/webhooks")) {
            api().call("DELETE", "/api/webhooks/" + answer.body().path("id").asText()).token(token(user)).send();
        }
    }

    private Object body(Row row, String modelId) {
        String kase = row.kase();
        String name = uniqueName("matrix");
        return switch (row.endpoint()) {
            case "POST /api/registry/models" -> {
                ObjectNode definition = fixtureNamed("embedding", name);
                String visibility = switch (kase) {
                    case "public" -> "PUBLIC";
                    case "enterprise" -> "ENTERPRISE";
                    default -> "PRIVATE";
                };
                Map<String, Object> request = new LinkedHashMap<>(registration("embedding", visibility, definition));
                switch (kase) {
                    case "mass: owner" -> request.put("owner", Map.of("subject", "someone-else", "username", "adam"));
                    case "mass: status" -> request.put("status", "APPROVED");
                    case "mass: version" -> request.put("version", 99);
                    case "mass: is_builtin" -> definition.put("is_builtin", true);
                    default -> { }
                }
                yield request;
            }
            case "POST /api/registry/validation" -> "mass: owner".equals(kase)
                    ? Map.of("modelType", "embedding", "definition", fixtureNamed("embedding", name), "owner", "adam")
                    : Map.of("modelType", "embedding", "definition", fixtureNamed("embedding", name));
            case "POST /api/registry/readme/template" -> Map.of("modelType", "embedding",
                    "definition", fixtureNamed("embedding", name));
            case "PUT /api/users/me/github-token" -> "mass: owner".equals(kase)
                    ? Map.of("token", "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB", "owner", "adam")
                    : Map.of("token", "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB");
            case "PUT /api/users/me/notifications" -> {
                // everything on, as by default; new submissions only for those who review
                Map<String, Object> preferences = new LinkedHashMap<>(Map.of("reviewDecisions", true,
                        "newSubmissions", "new submissions".equals(kase), "expiryReminders", true,
                        "webhookAlerts", true));
                if ("mass: owner".equals(kase)) {
                    preferences.put("owner", "adam");
                }
                yield preferences;
            }
            case "POST /api/webhooks" -> switch (kase) {
                case "all public" -> Map.of("url", "https://example.com/hooks/matrix", "eventKinds",
                        List.of("model.approved"), "scope", "ALL_PUBLIC");
                case "mass: secret" -> Map.of("url", "https://example.com/hooks/matrix", "eventKinds",
                        List.of("model.approved"), "secret", "whsec_mine");
                default -> Map.of("url", "https://example.com/hooks/matrix", "eventKinds", List.of("model.approved"));
            };
            case "PUT /api/webhooks/{id}" -> "mass: owner".equals(kase)
                    ? Map.of("url", "https://example.com/hooks/matrix", "eventKinds", List.of("model.approved"),
                            "owner", "bob")
                    : Map.of("url", "https://example.com/hooks/matrix2", "eventKinds", List.of("model.expired"));
            case "PUT /api/registry/models/{id}/definition" -> {
                ObjectNode definition = fixtureNamed("embedding", names.get(modelId));
                switch (kase) {
                    case "mass: updated_at" -> definition.put("updated_at", 0);
                    case "mass: is_builtin" -> definition.put("is_builtin", true);
                    default -> { }
                }
                yield "mass: owner".equals(kase) ? Map.of("definition", definition, "owner", "bob")
                        : Map.of("definition", definition);
            }
            case "PUT /api/registry/models/{id}/readme" -> "mass: status".equals(kase)
                    ? Map.of("readme", "# matrix", "status", "APPROVED") : Map.of("readme", "# matrix");
            case "POST /api/registry/models/{id}/rejection" -> "mass: reviewer".equals(kase)
                    ? Map.of("feedback", "needs work", "reviewer", "adam") : Map.of("feedback", "needs work");
            case "PUT /api/registry/models/{id}/expiration" ->
                    Map.of("expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).toString());
            default -> null;
        };
    }

    /** A fresh model of that case; private, pending, public, expired and deleted ones are alice's. */
    private String model(String kase) {
        String owner = "enterprise".equals(kase) ? "erin" : "alice";
        String visibility = switch (kase) {
            case "private", "deleted" -> "PRIVATE";
            case "enterprise" -> "ENTERPRISE";
            default -> "PUBLIC";
        };
        String name = uniqueName("matrix");
        Api.Answer registered = register(owner, "embedding", visibility, fixtureNamed("embedding", name));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String id = registered.body().path("modelId").asText();
        names.put(id, name);
        switch (kase) {
            case "public" -> approve(id);
            case "expired" -> {
                approve(id);
                expectOk(api().call("POST", M.replace("{id}", id) + "/expiry").token(token("paula")).send());
            }
            case "deleted" -> expectOk(api().call("DELETE", M.replace("{id}", id)).token(token("alice")).send());
            default -> { }
        }
        return id;
    }

    private void approve(String id) {
        expectOk(api().call("POST", M.replace("{id}", id) + "/approval").token(token("rita")).send());
    }

    private String webhook(String user) {
        Api.Answer created = api().call("POST", "/api/webhooks").token(token(user))
                .json(Map.of("url", "https://example.com/hooks/matrix", "eventKinds", List.of("model.approved")))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().path("id").asText();
    }

    private static void expectOk(Api.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isBetween(200, 299);
    }

}
