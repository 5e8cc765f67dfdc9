package io.xinference.hub.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.xinference.hub.command.it.RegistrationApiIT.assertProblem;
import static io.xinference.hub.command.it.RegistrationApiIT.pointers;
import static org.assertj.core.api.Assertions.assertThat;

class ModelLifecycleApiIT extends CommandSideIT {

    @Test
    void changeOnTheCurrentETagSucceedsAndAStaleOneGets412WithTheCurrentVersion() {
        String id = registeredId("alice", "PRIVATE");

        Api.Answer first = readme(id, "alice", "\"0\"", "# first");
        Api.Answer stale = readme(id, "alice", "\"0\"", "# lost?");

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(first.body().path("version").asLong()).isEqualTo(1);
        assertProblem(stale, 412, "stale-version");
        assertThat(stale.body().path("currentVersion").asLong()).isEqualTo(1);
        assertThat(stale.header("ETag")).isEqualTo("\"1\"");
        assertThat(eventTypes(id)).hasSize(2);
    }

    @Test
    void changeWithoutIfMatchIsNotChecked() {
        String id = registeredId("alice", "PRIVATE");

        assertThat(readme(id, "alice", null, "# a").status()).isEqualTo(200);
        assertThat(readme(id, "alice", null, "# b").body().path("version").asLong()).isEqualTo(2);
    }

    @Test
    void malformedIfMatchIsABadRequest() {
        String id = registeredId("alice", "PRIVATE");

        assertProblem(readme(id, "alice", "W/\"abc\"", "# a"), 400, "invalid-if-match");
    }

    @Test
    void reviewRoundsOverHttp() {
        String id = registeredId("alice", "PUBLIC");

        Api.Answer ownApproval = post(id, "/approval", "alice", null);
        Api.Answer blankRejection = post(id, "/rejection", "rita", Map.of("feedback", " "));
        Api.Answer rejection = post(id, "/rejection", "rita", Map.of("feedback", "Add the GGUF specs"));
        Api.Answer edit = api().call("PUT", "/api/registry/models/" + id + "/definition").token(token("alice"))
                .json(Map.of("definition", definitionOf(id).put("context_length", 65536))).send();
        Api.Answer resubmission = post(id, "/submission", "alice", null);
        Api.Answer approval = post(id, "/approval", "rita", null);

        assertProblem(ownApproval, 403, "not-permitted");
        assertProblem(blankRejection, 422, "unacceptable-value");
        assertThat(pointers(blankRejection)).containsExactly("/feedback");
        assertThat(rejection.body().path("status").asText()).isEqualTo("REJECTED");
        assertThat(edit.body().path("status").asText()).as(edit.toString()).isEqualTo("REJECTED");
        assertThat(resubmission.body().path("status").asText()).isEqualTo("PENDING_REVIEW");
        assertThat(approval.body().path("status").asText()).isEqualTo("APPROVED");
        assertThat(eventTypes(id)).extracting(type -> type.substring(type.lastIndexOf('.') + 1)).containsExactly(
                "ModelRegistered", "ModelRejected", "ModelDefinitionUpdated", "ModelSubmittedForReview", "ModelApproved");
    }

    @Test
    void reviewerNeverDecidesOnTheirOwnSubmission() {
        String id = registeredId("rita", "PUBLIC");

        assertProblem(post(id, "/approval", "rita", null), 403, "not-permitted");
    }

    @Test
    void approvingWhatIsNotUnderReviewIsAConflict() {
        String id = registeredId("paula", "PUBLIC");

        assertProblem(post(id, "/approval", "rita", null), 409, "wrong-state");
    }

    @Test
    void someoneElsesPrivateModelIsNotFound() {
        String id = registeredId("alice", "PRIVATE");

        assertProblem(readme(id, "bob", null, "# mine now"), 404, "model-not-found");
        assertProblem(api().call("DELETE", "/api/registry/models/" + id).token(token("rita")).send(), 404,
                "model-not-found");
    }

    @Test
    void unknownModelIsNotFound() {
        assertProblem(readme("no-such-model", "adam", null, "# x"), 404, "model-not-found");
    }

    @Test
    void auditorSeesButMayNotChange() {
        String id = registeredId("alice", "PRIVATE");

        assertProblem(post(id, "/expiry", "audrey", null), 403, "not-permitted");
    }

    @Test
    void unknownFieldInAnUpdateIsRefused() {
        String id = registeredId("alice", "PRIVATE");
        Map<String, Object> body = new HashMap<>();
        body.put("readme", "# x");
        body.put("status", "APPROVED");

        Api.Answer answer = api().call("PUT", "/api/registry/models/" + id + "/readme").token(token("alice"))
                .json(body).send();

        assertProblem(answer, 400, "malformed-request");
        assertThat(pointers(answer)).containsExactly("/status");
    }

    @Test
    void expirationDateIsSetChangedAndClearedThenExpireNowAndDelete() {
        String id = registeredId("alice", "PRIVATE");

        Api.Answer set = api().call("PUT", "/api/registry/models/" + id + "/expiration").token(token("alice"))
                .json(Map.of("expiresAt", "2099-01-01T00:00:00Z")).send();
        Api.Answer cleared = api().call("PUT", "/api/registry/models/" + id + "/expiration").token(token("alice"))
                .json("{\"expiresAt\": null}").send();
        Api.Answer expired = post(id, "/expiry", "alice", null);
        Api.Answer again = post(id, "/expiry", "alice", null);
        Api.Answer deleted = api().call("DELETE", "/api/registry/models/" + id).token(token("alice")).send();
        Api.Answer afterDelete = readme(id, "alice", null, "# x");

        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(expired.body().path("status").asText()).isEqualTo("EXPIRED");
        assertProblem(again, 409, "wrong-state");
        assertThat(deleted.body().path("status").asText()).isEqualTo("DELETED");
        assertProblem(afterDelete, 404, "model-not-found");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_instance LIKE ?",
                Integer.class, "%" + id + "%")).as("no expiry left scheduled").isZero();
    }

    @Test
    void deletedModelsNameIsFreeAgain() {
        String name = uniqueName("reused");
        Api.Answer first = register("alice", "rerank", "PRIVATE", fixtureNamed("rerank", name));
        api().call("DELETE", "/api/registry/models/" + first.body().path("modelId").asText()).token(token("alice")).send();

        Api.Answer second = register("bob", "rerank", "PRIVATE", fixtureNamed("rerank", name));

        assertThat(second.status()).as(second.toString()).isEqualTo(201);
    }

    @Test
    void everyEventSaysWhoAndWhyInItsMetadata() {
        Api.Answer registered = api().call("POST", "/api/registry/models").token(token("alice"))
                .header("X-Correlation-Id", "ui-action-42")
                .json(registration("video", "PRIVATE", fixtureNamed("video", uniqueName("wan")))).send();
        String id = registered.body().path("modelId").asText();
        Api.Answer edited = api().call("PUT", "/api/registry/models/" + id + "/readme").token(token("paula"))
                .json(Map.of("readme", "# by paula")).send();

        JsonNode first = metadata(id, 0);
        JsonNode second = metadata(id, 1);
        assertThat(first.path("actorUsername").asText()).isEqualTo("alice");
        assertThat(first.path("actorSubject").asText()).isNotBlank().isNotEqualTo("alice");
        assertThat(first.path("correlationId").asText()).isEqualTo("ui-action-42");
        assertThat(first.path("requestId").asText()).isEqualTo(registered.header("X-Request-Id"));
        assertThat(second.path("actorUsername").asText()).isEqualTo("paula");
        assertThat(second.path("requestId").asText()).isEqualTo(edited.header("X-Request-Id"))
                .isNotEqualTo(first.path("requestId").asText());
    }

    @Test
    void transactionsOnTheEventStoreEndLongBeforeAxonsGapTimeout() {
        // a transaction committing after the 60 s gap timeout would be skipped for good by tracking processors
        assertThat(jdbc.queryForObject("SHOW statement_timeout", String.class)).isEqualTo("30s");
        assertThat(jdbc.queryForObject("SHOW idle_in_transaction_session_timeout", String.class)).isEqualTo("30s");
    }

    private String registeredId(String user, String visibility) {
        Api.Answer answer = register(user, "llm", visibility, fixtureNamed("llm", uniqueName("qwq")));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.body().path("modelId").asText();
    }

    private com.fasterxml.jackson.databind.node.ObjectNode definitionOf(String id) {
        String name = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'modelName'"
                + " FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0", String.class, id);
        return fixtureNamed("llm", name);
    }

    private Api.Answer readme(String id, String user, String ifMatch, String readme) {
        Api.Call call = api().call("PUT", "/api/registry/models/" + id + "/readme").token(token(user));
        if (ifMatch != null) {
            call.header("If-Match", ifMatch);
        }
        return call.json(Map.of("readme", readme)).send();
    }

    private Api.Answer post(String id, String path, String user, Object body) {
        Api.Call call = api().call("POST", "/api/registry/models/" + id + path).token(token(user));
        return (body == null ? call : call.json(body)).send();
    }

    private JsonNode metadata(String modelId, long sequenceNumber) {
        String json = jdbc.queryForObject("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? AND sequence_number = ?", String.class, modelId, sequenceNumber);
        try {
            return Api.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
