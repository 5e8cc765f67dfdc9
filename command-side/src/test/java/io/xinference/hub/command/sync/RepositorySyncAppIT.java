package io.xinference.hub.command.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.devstack.Fixtures;
import io.xinference.hub.events.sync.RepositorySyncPullRequestOpened;
import io.xinference.hub.events.sync.RepositorySyncRequested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.http.RequestMethod.POST;
import static io.xinference.hub.command.sync.GithubPullRequestsTest.LLM_FILE;
import static io.xinference.hub.command.sync.GithubPullRequestsTest.QWQ_BRANCH;
import static io.xinference.hub.command.sync.GithubStub.REPO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * From the REST API to the pull request: a maintainer publishes a public model, the sync process (its own
 * processing group) and the poller propose it to the GitHub stub, and the outcome is an event in the store.
 */
class RepositorySyncAppIT extends OutboundAppContext {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void publishingAPublicModelOpensAPullRequestAndAPrivateOneNever() throws Exception {
        GITHUB.withRepository()
                .withFile(LLM_FILE, "main", RepositoryTestFiles.bytes("llm_family-without-qwq.json"), "base-sha")
                .withoutBranch(QWQ_BRANCH)
                .opensPullRequest(77);
        ObjectNode privateCopy = Fixtures.definition("llm");
        privateCopy.put("model_name", "alices-private-llm");
        String privateId = register("alice", "PRIVATE", privateCopy);
        String publicId = register("paula", "PUBLIC", Fixtures.definition("llm"));

        JsonNode opened = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> syncEvent(RepositorySyncPullRequestOpened.class, publicId), found -> found != null);

        assertThat(opened.get("number").asInt()).isEqualTo(77);
        assertThat(opened.get("url").asText()).isEqualTo("https://github.com/xorbitsai/inference/pull/77");
        assertThat(opened.get("modelName").asText()).isEqualTo("QwQ-32B");
        // byte for byte what Python would write, the entry stamped with the time of the change in the hub
        long registeredAt = Instant.parse(jdbc.queryForObject("SELECT time_stamp FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? AND sequence_number = 0", String.class, publicId)).getEpochSecond();
        String expected = new String(RepositoryTestFiles.bytes("llm_family.json"), StandardCharsets.UTF_8)
                .replace("\"updated_at\": " + Fixtures.definition("llm").get("updated_at").asLong(),
                        "\"updated_at\": " + registeredAt);
        assertThat(new String(GITHUB.committedContent(LLM_FILE), StandardCharsets.UTF_8)).isEqualTo(expected);
        JsonNode pr = GITHUB.requestBodies(POST, REPO + "/pulls").get(0);
        assertThat(pr.get("title").asText()).isEqualTo("FEAT: [model] QwQ-32B support");
        assertThat(pr.get("body").asText()).isEqualTo("Automated sync for model \"QwQ-32B\" (llm) by user paula.");
        assertThat(syncEvent(RepositorySyncRequested.class, publicId)).isNotNull();
        // the processor handles events in order: past the public model, it has seen the private one
        assertThat(syncEvents(privateId)).isEmpty();
    }

    private String register(String user, String visibility, ObjectNode definition) throws Exception {
        String body = JSON.writeValueAsString(Map.of("modelType", "llm", "visibility", visibility,
                "definition", definition, "readme", "# readme"));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/registry/models"))
                .header("Authorization", "Bearer " + TOKENS.accessToken(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("modelId").asText();
    }

    private JsonNode syncEvent(Class<?> type, String modelId) {
        return syncEvents(modelId).stream()
                .filter(event -> event.get("type").asText().equals(type.getName()))
                .map(event -> event.get("payload")).findFirst().orElse(null);
    }

    /** The model's sync events, straight from the event store. */
    private List<JsonNode> syncEvents(String modelId) {
        return jdbc.queryForList("""
                        SELECT payload_type, convert_from(payload, 'UTF8') AS payload FROM domain_event_entry
                        WHERE payload_type LIKE 'io.xinference.hub.events.sync.%' ORDER BY global_index""")
                .stream()
                .map(row -> {
                    ObjectNode event = JSON.createObjectNode().put("type", (String) row.get("payload_type"));
                    event.set("payload", parse((String) row.get("payload")));
                    return (JsonNode) event;
                })
                .filter(event -> modelId.equals(event.get("payload").path("modelId").asText()))
                .toList();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
