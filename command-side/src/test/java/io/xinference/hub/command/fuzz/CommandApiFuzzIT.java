package io.xinference.hub.command.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.command.it.CommandSideIT;
import io.xinference.hub.devstack.Fixtures;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.boot.test.autoconfigure.web.servlet.SpringBootMockMvcBuilderCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command API fed arbitrary requests: every JSON endpoint, every caller, models in every review state, If-Match
 * and Idempotency-Key headers, content types, and bodies that are either valid requests with a few values changed
 * (to get past the parser into the rules) or raw bytes. Every answer must be a success or a 4xx RFC 9457 problem
 * ({@code application/problem+json} with its status, a title, and for each error a pointer and a message), never a
 * 5xx; a refused change must leave the model's events as they were; a change that succeeds answers the ETag of the
 * version it stored.
 *
 * <p>In-process and cheap per input: the module's one shared app (same configuration as every other IT, so the
 * context is cached, not restarted), called through MockMvc with the app's own filters (body limit, security),
 * real Keycloak tokens and the real event store. Saved inputs under {@code CommandApiFuzzITInputs/} run with the
 * other ITs; {@code ./hub fuzz} fuzzes it.
 */
public class CommandApiFuzzIT extends CommandSideIT {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Writes deeper JSON than Jackson accepts by default, so the app's parser gets to refuse it. */
    private static final ObjectMapper WRITER = new ObjectMapper(JsonFactory.builder()
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(5_000).build()).build());
    private static final ObjectMapper READER = new ObjectMapper();
    private static final String MODELS = "/api/registry/models";
    private static final String[] CALLERS = {"alice", "bob", "rita", "paula", "erin", "adam", null, "forged"};
    private static final String[] CONTENT_TYPES = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_JSON_VALUE, "application/json;charset=ISO-8859-1", "application/json;charset=UTF-16",
            MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE, "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json;charset=nonsense", "*/*", ";;", null};

    /** The endpoints fuzzed: method, path ({id} is a model, or any string), and a valid body to start from. */
    private enum Endpoint {
        REGISTER(HttpMethod.POST, MODELS, true),
        VALIDATE(HttpMethod.POST, "/api/registry/validation", true),
        DEFINITION(HttpMethod.PUT, MODELS + "/{id}/definition", true),
        README(HttpMethod.PUT, MODELS + "/{id}/readme", true),
        EXPIRATION(HttpMethod.PUT, MODELS + "/{id}/expiration", true),
        EXPIRY(HttpMethod.POST, MODELS + "/{id}/expiry", false),
        DELETE(HttpMethod.DELETE, MODELS + "/{id}", false),
        SUBMIT(HttpMethod.POST, MODELS + "/{id}/submission", false),
        WITHDRAW(HttpMethod.DELETE, MODELS + "/{id}/submission", false),
        APPROVE(HttpMethod.POST, MODELS + "/{id}/approval", false),
        REJECT(HttpMethod.POST, MODELS + "/{id}/rejection", true),
        README_TEMPLATE(HttpMethod.POST, "/api/registry/readme/template", true),
        MAIL_SETTINGS(HttpMethod.PUT, "/api/users/me/notifications", true),
        GITHUB_TOKEN(HttpMethod.PUT, "/api/users/me/github-token", true),
        WEBHOOK_CREATE(HttpMethod.POST, "/api/webhooks", true),
        WEBHOOK_UPDATE(HttpMethod.PUT, "/api/webhooks/{id}", true),
        ANY_PATH(HttpMethod.POST, "/api/registry/{id}", true);

        final HttpMethod method;
        final String path;
        final boolean takesBody;

        Endpoint(HttpMethod method, String path, boolean takesBody) {
            this.method = method;
            this.path = path;
            this.takesBody = takesBody;
        }

        boolean changesTheModel() {
            return path.startsWith(MODELS + "/{id}");
        }
    }

    /** The state a fresh model of alice's is brought into before the fuzzed request, or none (a made-up id). */
    private enum Setup { NONE, PRIVATE_APPROVED, PUBLIC_PENDING, PUBLIC_DRAFT, PUBLIC_REJECTED, PUBLIC_APPROVED }

    @Autowired
    private WebApplicationContext context;

    private MockMvc mvc;

    private MockMvc mvc() {
        if (mvc == null) {
            DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup(context);
            SpringBootMockMvcBuilderCustomizer appFilters = new SpringBootMockMvcBuilderCustomizer(context);
            appFilters.setPrint(MockMvcPrint.NONE); // printing would register a bean in the shared context, once only
            appFilters.customize(builder); // the app's filters (security, body limit), in their order
            mvc = builder.build();
        }
        return mvc;
    }

    @FuzzTest(maxDuration = "60s")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    @DictionaryEntries({"\"modelType\"", "\"visibility\"", "\"definition\"", "\"readme\"", "\"expiresAt\"",
            "\"feedback\"", "\"llm\"", "\"PUBLIC\"", "\"PRIVATE\"", "\"model_name\"", "\"model_specs\"", "\"token\"",
            "\"url\"", "\"eventKinds\"", "\"scope\"", "\\ud800", "\\u0000", "1e400", "2027-01-31T00:00:00Z", "null"})
    void everyRequestIsAnsweredWithSuccessOrAProblem(FuzzedDataProvider data) throws Exception {
        Endpoint endpoint = data.pickValue(Endpoint.values());
        String caller = data.pickValue(CALLERS);
        Setup setup = endpoint.path.contains("{id}") ? data.pickValue(Setup.values()) : Setup.NONE;
        Model model = prepare(setup, data.pickValue(Fixtures.MODEL_TYPES));
        String id = model != null && endpoint.changesTheModel() ? model.id() : data.consumeString(48);

        MockHttpServletRequestBuilder request = endpoint.path.contains("{id}")
                ? MockMvcRequestBuilders.request(endpoint.method, endpoint.path, id)
                : MockMvcRequestBuilders.request(endpoint.method, endpoint.path);
        if (caller != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer "
                    + ("forged".equals(caller) ? data.consumeAsciiString(64) : token(caller)));
        }
        switch (data.consumeInt(0, 4)) {
            case 0 -> request.header(HttpHeaders.IF_MATCH, "\"" + (model == null ? 1 : model.version()) + "\"");
            case 1 -> request.header(HttpHeaders.IF_MATCH, "\"" + (model == null ? 0 : model.version() - 1) + "\"");
            case 2 -> request.header(HttpHeaders.IF_MATCH, data.consumeString(24));
            default -> {
            }
        }
        if (data.consumeInt(0, 3) == 0) {
            request.header("Idempotency-Key", data.consumeString(300));
        }
        String contentType = endpoint.takesBody ? data.pickValue(CONTENT_TYPES) : null;
        if (contentType != null) {
            request.header(HttpHeaders.CONTENT_TYPE, contentType);
        }
        if (endpoint.takesBody || data.consumeBoolean()) {
            byte[] body;
            if (data.consumeBoolean()) {
                body = data.consumeRemainingAsBytes();
            } else {
                JsonNode json = FuzzedJson.mutate(data, validBody(endpoint, model), 5, 1_100);
                try {
                    body = WRITER.writeValueAsBytes(json);
                } catch (IOException unwritable) {
                    return; // no client can send it (e.g. a lone surrogate); the raw bytes cover what they can
                }
            }
            request.content(body);
        }
        long eventsBefore = model == null ? 0 : eventCount(model.id());
        boolean realCaller = caller != null && !"forged".equals(caller);
        JsonNode mailSettingsBefore = endpoint == Endpoint.MAIL_SETTINGS && realCaller
                ? call(HttpMethod.GET, "/api/users/me/notifications", caller, null, 200) : null;

        MockHttpServletResponse answer = mvc().perform(request).andReturn().getResponse();
        if (answer.getStatus() < 300 && realCaller) {
            undoUserSettings(endpoint, caller, answer, mailSettingsBefore);
        }

        int status = answer.getStatus();
        String what = endpoint + " " + setup + " as " + caller + " -> " + status + " "
                + answer.getContentAsString(StandardCharsets.UTF_8);
        assertThat(status).as("never a server error: %s", what).isBetween(200, 499);
        if (status >= 400) {
            assertIsProblem(answer, what);
            if (model != null) {
                assertThat(eventCount(model.id())).as("a refused change stores nothing: %s", what).isEqualTo(eventsBefore);
            }
        } else if (model != null && endpoint.changesTheModel()) {
            long stored = lastSequenceNumber(model.id());
            assertThat(answer.getHeader(HttpHeaders.ETAG)).as("ETag of the stored version: %s", what)
                    .isEqualTo("\"" + stored + "\"");
        }
    }

    /**
     * Other ITs share the demo users with this test (and may run on the same database after a fuzzing session): what
     * a fuzzed request changed about a user, not a model, is put back at once.
     */
    private void undoUserSettings(Endpoint endpoint, String caller, MockHttpServletResponse answer,
                                  JsonNode mailSettingsBefore) throws Exception {
        switch (endpoint) {
            case GITHUB_TOKEN -> call(HttpMethod.DELETE, "/api/users/me/github-token", caller, null, 204);
            case WEBHOOK_CREATE -> call(HttpMethod.DELETE, "/api/webhooks/"
                    + READER.readTree(answer.getContentAsByteArray()).path("id").asText(), caller, null, 204);
            case MAIL_SETTINGS -> {
                ObjectNode before = NODES.objectNode();
                for (String field : List.of("reviewDecisions", "newSubmissions", "expiryReminders", "webhookAlerts")) {
                    before.set(field, mailSettingsBefore.get(field));
                }
                call(HttpMethod.PUT, "/api/users/me/notifications", caller, before, 200);
            }
            default -> {
            }
        }
    }

    private static void assertIsProblem(MockHttpServletResponse answer, String what) throws IOException {
        assertThat(answer.getContentType()).as("problem media type: %s", what).isNotNull();
        assertThat(MediaType.parseMediaType(answer.getContentType()).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("problem media type: %s", what).isTrue();
        JsonNode problem = READER.readTree(answer.getContentAsByteArray());
        assertThat(problem.path("status").asInt()).as("status in the problem: %s", what).isEqualTo(answer.getStatus());
        assertThat(problem.path("title").asText()).as("title: %s", what).isNotBlank();
        if (problem.has("errors")) {
            assertThat(problem.get("errors").isArray()).as("errors is a list: %s", what).isTrue();
            for (JsonNode error : problem.get("errors")) {
                assertThat(error.path("pointer").isTextual()).as("pointer of %s: %s", error, what).isTrue();
                String pointer = error.get("pointer").asText();
                assertThat(pointer.isEmpty() || pointer.startsWith("/")).as("pointer of %s: %s", error, what).isTrue();
                assertThat(error.path("message").asText()).as("message of %s: %s", error, what).isNotBlank();
            }
        }
    }

    private record Model(String id, String name, String type, long version) {
    }

    /** A fresh model of alice's brought into {@code setup}'s state through valid calls, which must succeed. */
    private Model prepare(Setup setup, String type) throws Exception {
        if (setup == Setup.NONE) {
            return null;
        }
        String name = uniqueName("fuzz");
        ObjectNode body = NODES.objectNode().put("modelType", type)
                .put("visibility", setup == Setup.PRIVATE_APPROVED ? "PRIVATE" : "PUBLIC")
                .put("readme", "# " + name);
        body.set("definition", fixtureNamed(type, name));
        JsonNode registered = call(HttpMethod.POST, MODELS, "alice", body, 201);
        String id = registered.get("modelId").asText();
        JsonNode last = registered;
        switch (setup) {
            case PUBLIC_DRAFT -> last = call(HttpMethod.DELETE, MODELS + "/" + id + "/submission", "alice", null, 200);
            case PUBLIC_REJECTED -> last = call(HttpMethod.POST, MODELS + "/" + id + "/rejection", "rita",
                    NODES.objectNode().put("feedback", "not yet"), 200);
            case PUBLIC_APPROVED -> last = call(HttpMethod.POST, MODELS + "/" + id + "/approval", "rita", null, 200);
            default -> {
            }
        }
        return new Model(id, name, type, last.get("version").asLong());
    }

    private JsonNode call(HttpMethod method, String path, String caller, JsonNode body, int expected) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(caller));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(READER.writeValueAsBytes(body));
        }
        MockHttpServletResponse answer = mvc().perform(request).andReturn().getResponse();
        assertThat(answer.getStatus()).as("harness call %s %s: %s", method, path, answer.getContentAsString())
                .isEqualTo(expected);
        return answer.getContentLength() == 0 && answer.getContentAsByteArray().length == 0
                ? NODES.missingNode() : READER.readTree(answer.getContentAsByteArray());
    }

    /** A request the endpoint accepts (for the model when there is one): the fuzzer's starting point. */
    private static JsonNode validBody(Endpoint endpoint, Model model) {
        String type = model == null ? "llm" : model.type();
        ObjectNode definition = fixtureNamed(type, model == null ? uniqueName("fuzz") : model.name());
        ObjectNode body = NODES.objectNode();
        switch (endpoint) {
            case REGISTER -> {
                body.put("modelType", type).put("visibility", "PRIVATE").put("readme", "# readme")
                        .put("expiresAt", "2099-01-01T00:00:00Z");
                body.set("definition", definition);
            }
            case VALIDATE, README_TEMPLATE -> {
                body.put("modelType", type);
                body.set("definition", definition);
            }
            case DEFINITION -> body.set("definition", definition);
            case README -> body.put("readme", "# new readme");
            case EXPIRATION -> body.put("expiresAt", "2099-01-01T00:00:00Z");
            case REJECT -> body.put("feedback", "please fix the specs");
            case MAIL_SETTINGS -> body.put("reviewDecisions", true).put("newSubmissions", false)
                    .put("expiryReminders", true).put("webhookAlerts", false);
            case GITHUB_TOKEN -> body.put("token", "ghp_" + "a".repeat(36));
            case WEBHOOK_CREATE, WEBHOOK_UPDATE -> {
                body.put("url", "https://ci.example.com/hooks/models-hub").put("scope", "OWN_MODELS").put("active", true);
                body.set("eventKinds", NODES.arrayNode().add("model.approved"));
            }
            default -> {
            }
        }
        return body;
    }

    private long eventCount(String modelId) {
        List<Long> sequence = sequenceNumbers(modelId);
        return sequence.size();
    }

    private long lastSequenceNumber(String modelId) {
        List<Long> sequence = sequenceNumbers(modelId);
        return sequence.isEmpty() ? -1 : sequence.get(sequence.size() - 1);
    }
}
