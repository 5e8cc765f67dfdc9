package io.xinference.hub.faults.grants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.devstack.Fixtures;
import io.xinference.hub.devstack.VisibilityTable;
import io.xinference.hub.faults.apps.HubApp;
import io.xinference.hub.faults.apps.HubAppProcess;
import io.xinference.hub.faults.apps.HubStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two apps agree on who sees which model, over the whole persona × model matrix: the real command-side and
 * query-side, one real Keycloak user per persona, models brought into every reachable visibility × status cell
 * through the command API. For every pair the command side's answer (404 = "no such model" for this caller) and
 * the query side's (the detail page: 200 or 404) must say the same, and both what the shared hand-written
 * {@link VisibilityTable} says. The command probe is an "expire now" with a stale {@code If-Match}: it is refused
 * (404 hidden, 403 not permitted, 412 permitted but stale) before anything changes.
 * <p>
 * Deleted models are left out: the command side treats them as gone for everyone (a deleted aggregate takes no
 * command), while the query side keeps showing them to their owner and maintainers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrantsAgreeAcrossAppsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> USERS = List.of("alice", "bob", "paula", "erin", "rita", "audrey", "adam");

    private HubStack stack;
    private HubAppProcess command;
    private HubAppProcess query;
    /** cell (VISIBILITY:STATUS) → model id, with its owner and the version after the last change */
    private final Map<String, Model> models = new LinkedHashMap<>();

    record Model(String id, String owner, long version) {
    }

    @BeforeAll
    void aHubWithAModelInEveryReachableCell() {
        stack = HubStack.create("grants");
        command = stack.start(HubApp.COMMAND_SIDE, "command");
        query = stack.start(HubApp.QUERY_SIDE, "query");
        models.put("PRIVATE:APPROVED", register("alice", "PRIVATE"));
        models.put("PRIVATE:EXPIRED", change(register("alice", "PRIVATE"), "POST", "/expiry", "alice", null));
        models.put("PUBLIC:PENDING_REVIEW", register("alice", "PUBLIC"));
        models.put("PUBLIC:DRAFT", change(register("alice", "PUBLIC"), "DELETE", "/submission", "alice", null));
        models.put("PUBLIC:REJECTED", change(register("alice", "PUBLIC"), "POST", "/rejection", "rita",
                Map.of("feedback", "needs a README")));
        Model published = change(register("alice", "PUBLIC"), "POST", "/approval", "rita", null);
        models.put("PUBLIC:APPROVED", published);
        models.put("PUBLIC:EXPIRED", change(change(register("alice", "PUBLIC"), "POST", "/approval", "rita", null),
                "POST", "/expiry", "paula", null));
        models.put("ENTERPRISE:APPROVED", register("erin", "ENTERPRISE"));
        models.put("ENTERPRISE:EXPIRED", change(register("erin", "ENTERPRISE"), "POST", "/expiry", "erin", null));
        // every model's owner sees it: wait until the query side has caught up with the last change of each
        models.values().forEach(this::awaitProjected);
    }

    private void awaitProjected(Model m) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            Answer detail = send("GET", query.baseUrl() + "/api/catalogue/models/" + m.id(), m.owner(), null, null);
            if (detail.status() == 200 && detail.json().path("version").asLong() >= m.version()) {
                return;
            }
            assertThat(System.nanoTime()).as("model " + m.id() + " projected: " + detail).isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @AfterAll
    void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void bothAppsShowEveryPersonaExactlyWhatTheSharedTableSays() {
        List<String> disagreements = new ArrayList<>();
        int cells = 0;
        for (String user : USERS) {
            for (Map.Entry<String, Model> entry : models.entrySet()) {
                Model m = entry.getValue();
                String[] cell = entry.getKey().split(":");
                boolean table = VisibilityTable.sees(persona(user, m), cell[0], cell[1]);
                Answer probe = send("POST", command.baseUrl() + "/api/registry/models/" + m.id() + "/expiry", user,
                        "\"999999\"", null);
                assertThat(probe.status()).as(user + " " + entry.getKey() + ": " + probe).isIn(403, 404, 412);
                boolean commandSees = probe.status() != 404;
                int detail = send("GET", query.baseUrl() + "/api/catalogue/models/" + m.id(), user, null, null)
                        .status();
                assertThat(detail).as(user + " " + entry.getKey()).isIn(200, 404);
                boolean querySees = detail == 200;
                if (commandSees != querySees || querySees != table) {
                    disagreements.add(user + " × " + entry.getKey() + ": table " + table + ", command-side "
                            + probe.status() + ", query-side " + detail);
                }
                cells++;
            }
        }
        assertThat(cells).isEqualTo(USERS.size() * 9);
        assertThat(disagreements).isEmpty();
    }

    /** The realm user as a persona of the shared table (owners are the owner persona on their own models). */
    private static VisibilityTable.Persona persona(String user, Model model) {
        if (user.equals(model.owner())) {
            return VisibilityTable.persona("owner");
        }
        return VisibilityTable.persona(switch (user) {
            case "alice", "bob" -> "plain user";
            case "paula" -> "public maintainer";
            case "erin" -> "enterprise maintainer";
            case "rita" -> "reviewer";
            case "audrey" -> "auditor";
            case "adam" -> "admin";
            default -> throw new IllegalArgumentException(user);
        });
    }

    private Model register(String owner, String visibility) {
        String name = "grants-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode definition = Fixtures.definition("llm");
        definition.put("model_name", name);
        Answer registered = send("POST", command.baseUrl() + "/api/registry/models", owner, null,
                Map.of("modelType", "llm", "visibility", visibility, "definition", definition, "readme", "# " + name));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return new Model(registered.json().path("modelId").asText(), owner,
                registered.json().path("version").asLong());
    }

    private Model change(Model model, String method, String path, String user, Object body) {
        Answer changed = send(method, command.baseUrl() + "/api/registry/models/" + model.id() + path, user, null,
                body);
        assertThat(changed.status()).as(method + " " + path + " by " + user + ": " + changed).isBetween(200, 299);
        return new Model(model.id(), model.owner(), changed.json().path("version").asLong());
    }

    private Answer send(String method, String url, String user, String ifMatch, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + stack.tokens().accessToken(user))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }
}
