package io.xinference.hub.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.devstack.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationApiIT extends CommandSideIT {

    @ParameterizedTest
    @ValueSource(strings = {"llm", "embedding", "rerank", "image", "audio", "video"})
    void realFixtureRegistersAsSentIncludingXinferencesUpdatedAt(String modelType) {
        String name = uniqueName(Fixtures.definition(modelType).path("model_name").asText());

        Api.Answer answer = register("paula", modelType, "PUBLIC", fixtureNamed(modelType, name));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.body().path("modelName").asText()).isEqualTo(name);
        assertThat(answer.body().path("status").asText()).isEqualTo("APPROVED");
        assertThat(answer.body().path("version").asLong()).isZero();
        assertThat(answer.header("ETag")).isEqualTo("\"0\"");
        assertThat(answer.body().path("compatibility").path("minimumClientVersion").asText()).isEqualTo("1.13.0");
        String modelId = answer.body().path("modelId").asText();
        assertThat(answer.header("Location")).isEqualTo("/api/registry/models/" + modelId);
        assertThat(eventTypes(modelId)).containsExactly("io.xinference.hub.events.ModelRegistered");
        String storedDefinition = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry"
                + " WHERE aggregate_identifier = ?", String.class, modelId);
        assertThat(storedDefinition).doesNotContain("updated_at");
    }

    @Test
    void registrationSaysWhenOnlyNewerClientsLoadTheDefinition() {
        ObjectNode definition = fixtureNamed("llm", uniqueName("qwq-fp4"));
        ((ObjectNode) definition.get("model_specs").get(0)).put("model_format", "fp4");

        Api.Answer answer = register("alice", "llm", "PRIVATE", definition);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.body().path("compatibility").path("minimumClientVersion").asText()).isEqualTo(">1.13.0");
        assertThat(answer.body().path("compatibility").path("newerClientFeatures").get(0).asText())
                .isEqualTo("/model_specs/0/model_format");
    }

    @Test
    void plainUsersPublicRegistrationWaitsForReview() {
        Api.Answer answer = register("alice", "llm", "PUBLIC", fixtureNamed("llm", uniqueName("qwq")));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body().path("status").asText()).isEqualTo("PENDING_REVIEW");
    }

    @Test
    void plainUsersEnterpriseRegistrationIsForbidden() {
        Api.Answer answer = register("alice", "llm", "ENTERPRISE", fixtureNamed("llm", uniqueName("qwq")));

        assertProblem(answer, 403, "not-permitted");
    }

    @Test
    void invalidDefinitionIsRefusedWithAPointerPerViolation() {
        ObjectNode definition = fixtureNamed("llm", uniqueName("qwq"));
        definition.remove("model_lang");
        definition.put("context_length", "long");

        Api.Answer answer = register("alice", "llm", "PRIVATE", definition);

        assertProblem(answer, 400, "invalid-definition");
        assertThat(pointers(answer)).containsExactly("/definition/context_length", "/definition/model_lang");
    }

    /** Names of dots were registered (201, even approved for paula) and could then never be opened by URL. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {".", "..", "...", ".cache", "-rf"})
    void namesThatArePathSegmentsAreRefusedWithTheRule(String name) {
        Api.Answer answer = register("paula", "embedding", "PUBLIC", fixtureNamed("embedding", name));

        assertProblem(answer, 400, "invalid-definition");
        assertThat(pointers(answer)).containsExactly("/definition/model_name");
        assertThat(answer.body().path("errors").get(0).path("message").asText())
                .isEqualTo(io.xinference.hub.names.ModelNameGrammar.RULE);
    }

    @Test
    void audioDefinitionSentAsLlmIsRefused() {
        Api.Answer answer = register("alice", "llm", "PRIVATE", fixtureNamed("audio", uniqueName("voice")));

        assertProblem(answer, 400, "invalid-definition");
        assertThat(pointers(answer)).contains("/definition/model_lang", "/definition/model_specs");
    }

    @Test
    void nameTakenInAnotherLetterCaseIsAConflict() {
        String name = uniqueName("Case-Model");
        assertThat(register("alice", "rerank", "PRIVATE", fixtureNamed("rerank", name)).status()).isEqualTo(201);

        Api.Answer second = register("bob", "rerank", "PRIVATE", fixtureNamed("rerank", name.toUpperCase()));

        assertProblem(second, 409, "name-taken");
    }

    @Test
    void unknownFieldIsRefusedInsteadOfMassAssigned() {
        Map<String, Object> body = new HashMap<>(registration("llm", "PRIVATE", fixtureNamed("llm", uniqueName("qwq"))));
        body.put("owner", "bob");

        Api.Answer answer = api().call("POST", "/api/registry/models").token(token("alice")).json(body).send();

        assertProblem(answer, 400, "malformed-request");
        assertThat(pointers(answer)).containsExactly("/owner");
    }

    @Test
    void unknownModelTypeIsRefusedAtItsPointer() {
        Map<String, Object> body = new HashMap<>(registration("llm", "PRIVATE", fixtureNamed("llm", uniqueName("qwq"))));
        body.put("modelType", "diffusion");

        Api.Answer answer = api().call("POST", "/api/registry/models").token(token("alice")).json(body).send();

        assertProblem(answer, 400, "malformed-request");
        assertThat(pointers(answer)).containsExactly("/modelType");
    }

    @Test
    void missingRequiredFieldIsRefusedAtItsPointer() {
        Map<String, Object> body = new HashMap<>(registration("llm", "PRIVATE", fixtureNamed("llm", uniqueName("qwq"))));
        body.remove("visibility");

        Api.Answer answer = api().call("POST", "/api/registry/models").token(token("alice")).json(body).send();

        assertProblem(answer, 400, "invalid-request");
        assertThat(pointers(answer)).containsExactly("/visibility");
    }

    @Test
    void malformedJsonIsABadRequest() {
        Api.Answer answer = api().call("POST", "/api/registry/models").token(token("alice")).json("{\"modelType\":").send();

        assertProblem(answer, 400, "malformed-request");
    }

    @Test
    void pastExpirationDateIsUnprocessable() {
        Map<String, Object> body = new HashMap<>(registration("llm", "PRIVATE", fixtureNamed("llm", uniqueName("qwq"))));
        body.put("expiresAt", "2020-01-01T00:00:00Z");

        Api.Answer answer = api().call("POST", "/api/registry/models").token(token("alice")).json(body).send();

        assertProblem(answer, 422, "unacceptable-value");
        assertThat(pointers(answer)).containsExactly("/expiresAt");
    }

    @Test
    void oversizedReadmeIsRefusedWithItsPointer() {
        Map<String, Object> body = new HashMap<>(registration("llm", "PRIVATE", fixtureNamed("llm", uniqueName("qwq"))));
        body.put("readme", "x".repeat(200 * 1024));

        Api.Answer answer = api().call("POST", "/api/registry/models").token(token("alice")).json(body).send();

        assertProblem(answer, 413, "request-too-large");
        assertThat(pointers(answer)).containsExactly("/readme");
    }

    @Test
    void oversizedBodyIsRefusedBeforeItIsRead() {
        Map<String, Object> body = new HashMap<>(registration("llm", "PRIVATE", fixtureNamed("llm", uniqueName("qwq"))));
        body.put("readme", "x".repeat(2 * 1024 * 1024));

        Api.Answer answer = api().call("POST", "/api/registry/models").token(token("alice")).json(body).send();

        assertProblem(answer, 413, "request-too-large");
    }

    @Test
    void oversizedBodyWithoutDeclaredLengthStopsBeingReadAtTheCap() {
        Map<String, Object> body = new HashMap<>(registration("llm", "PRIVATE", fixtureNamed("llm", uniqueName("qwq"))));
        body.put("readme", "x".repeat(2 * 1024 * 1024));

        Api.Answer answer = api().call("POST", "/api/registry/models").token(token("alice")).json(body).chunked().send();

        assertProblem(answer, 413, "request-too-large");
    }

    @Test
    void bodyThatIsNotJsonIsUnsupported() {
        Api.Answer answer = api().call("POST", "/api/registry/models").token(token("alice"))
                .header("Content-Type", "text/plain").json("hello").header("Content-Type", "text/plain").send();

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void corsLetsTheUiOriginCallWithItsHeaders() {
        Api.Answer preflight = api().call("OPTIONS", "/api/registry/models")
                .header("Origin", "http://127.0.0.1:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key").send();

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("http://127.0.0.1:5173");
        assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("idempotency-key");
    }

    @Test
    void swaggerUiIsServed() {
        Api.Answer ui = api().call("GET", "/swagger-ui/index.html").send();

        assertThat(ui.status()).isEqualTo(200);
    }

    @Test
    void retryWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        Map<String, Object> body = registration("embedding", "PRIVATE", fixtureNamed("embedding", uniqueName("bge")));
        String key = uniqueName("key");

        Api.Answer first = api().call("POST", "/api/registry/models").token(token("alice"))
                .header("Idempotency-Key", key).json(body).send();
        Api.Answer retry = api().call("POST", "/api/registry/models").token(token("alice"))
                .header("Idempotency-Key", key).json(body).send();

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(eventTypes(first.body().path("modelId").asText())).hasSize(1);
    }

    @Test
    void idempotencyKeyReusedForAnotherRequestIsUnprocessable() {
        String key = uniqueName("key");
        api().call("POST", "/api/registry/models").token(token("alice")).header("Idempotency-Key", key)
                .json(registration("embedding", "PRIVATE", fixtureNamed("embedding", uniqueName("bge")))).send();

        Api.Answer other = api().call("POST", "/api/registry/models").token(token("alice")).header("Idempotency-Key", key)
                .json(registration("embedding", "PRIVATE", fixtureNamed("embedding", uniqueName("bge")))).send();

        assertProblem(other, 422, "idempotency-key-reused");
    }

    @Test
    void idempotencyKeysArePerCaller() {
        String key = uniqueName("key");
        Api.Answer alices = api().call("POST", "/api/registry/models").token(token("alice")).header("Idempotency-Key", key)
                .json(registration("embedding", "PRIVATE", fixtureNamed("embedding", uniqueName("bge")))).send();
        Api.Answer bobs = api().call("POST", "/api/registry/models").token(token("bob")).header("Idempotency-Key", key)
                .json(registration("embedding", "PRIVATE", fixtureNamed("embedding", uniqueName("bge")))).send();

        assertThat(bobs.status()).isEqualTo(201);
        assertThat(bobs.body().path("modelId")).isNotEqualTo(alices.body().path("modelId"));
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        Api.Answer answer = api().call("POST", "/api/registry/models")
                .json(registration("llm", "PRIVATE", fixtureNamed("llm", uniqueName("qwq")))).send();

        assertProblem(answer, 401, "unauthenticated");
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void tamperedTokenIsRefusedWith401() {
        String token = token("adam");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        Api.Answer answer = api().call("POST", "/api/registry/models").token(tampered)
                .json(registration("llm", "PRIVATE", fixtureNamed("llm", uniqueName("qwq")))).send();

        assertProblem(answer, 401, "unauthenticated");
    }

    @Test
    void validationEndpointTellsValidityAndClientRange() {
        ObjectNode fp4 = fixtureNamed("llm", "QwQ-32B");
        ((ObjectNode) fp4.get("model_specs").get(0)).put("model_format", "fp4");

        Api.Answer newer = api().call("POST", "/api/registry/validation").token(token("alice"))
                .json(Map.of("modelType", "llm", "definition", fp4)).send();
        Api.Answer audioAsLlm = api().call("POST", "/api/registry/validation").token(token("alice"))
                .json(Map.of("modelType", "llm", "definition", Fixtures.definition("audio"))).send();

        assertThat(newer.status()).isEqualTo(200);
        assertThat(newer.body().path("valid").asBoolean()).isTrue();
        assertThat(newer.body().path("compatibility").path("newerClientFeatures").get(0).asText())
                .isEqualTo("/model_specs/0/model_format");
        assertThat(audioAsLlm.body().path("valid").asBoolean()).isFalse();
        assertThat(audioAsLlm.body().path("errors").findValuesAsText("pointer")).contains("/definition/model_lang");
    }

    @Test
    void openApiDocumentsTheCommandApi() {
        Api.Answer docs = api().call("GET", "/v3/api-docs").send();

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.body().path("paths");
        assertThat(paths.has("/api/registry/models")).isTrue();
        assertThat(paths.has("/api/registry/models/{id}/approval")).isTrue();
        assertThat(paths.has("/api/registry/validation")).isTrue();
        JsonNode approvalResponses = paths.path("/api/registry/models/{id}/approval").path("post").path("responses");
        assertThat(approvalResponses.has("412")).isTrue();
        assertThat(approvalResponses.path("403").path("content").has("application/problem+json")).isTrue();
        assertThat(docs.body().path("components").path("schemas").has("ProblemDetail"))
                .as("the problems' schema is documented").isTrue();
    }

    static void assertProblem(Api.Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("type").asText()).isEqualTo("urn:models-hub:problem:" + type);
        assertThat(answer.body().path("status").asInt()).isEqualTo(status);
    }

    static java.util.List<String> pointers(Api.Answer answer) {
        return answer.body().path("errors").findValuesAsText("pointer");
    }
}
