package io.xinference.hub.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.command.webhook.WebhookSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks end to end: the REST API registers them, model events become signed POSTs to a local receiver,
 * failures are retried from the delivery table and logged, a hook that keeps failing is paused and its owner
 * mailed, redelivery works, and nobody's hook hears of someone else's private or enterprise model. Test settings
 * (config/application.properties): http://127.0.0.1 allowed, retries from 300 ms, 5 attempts, paused after 4
 * failures in a row.
 */
class WebhookIT extends CommandSideIT {

    private static final WebhookReceiver RECEIVER = new WebhookReceiver();
    private static final List<String> ALL_KINDS = List.of("model.registered", "model.definition_updated",
            "model.readme_updated", "model.submitted", "model.submission_withdrawn", "model.approved",
            "model.rejected", "model.expiration_date_set", "model.expired", "model.deleted");

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    /**
     * The database outlives a run: hooks of earlier runs would count against the per-person limit, and point at
     * receivers that are gone. Every test starts and ends without any.
     */
    @BeforeEach
    @AfterEach
    void deleteEveryonesWebhooks() {
        for (String user : List.of("alice", "bob", "paula", "erin", "rita", "audrey", "adam")) {
            api().call("GET", "/api/webhooks").token(token(user)).send().body().findValuesAsText("id")
                    .forEach(id -> api().call("DELETE", "/api/webhooks/" + id).token(token(user)).send());
        }
    }

    @Test
    void aDeliveryIsSignedSoTheReceiverCanVerifyIt() {
        String url = RECEIVER.endpoint(204);
        Api.Answer created = createHook("alice", url, List.of("model.registered"), null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String secret = created.body().path("secret").asText();
        assertThat(secret).startsWith("whsec_");
        assertThat(created.header("Location")).isEqualTo("/api/webhooks/" + created.body().path("id").asText());

        String modelId = registered("alice", "PRIVATE", uniqueName("hook-signed"));
        WebhookReceiver.Received delivery = awaitRequests(url, 1).get(0);

        assertThat(WebhookSignature.verify(secret, delivery.header(WebhookSignature.TIMESTAMP_HEADER), delivery.body(),
                delivery.header(WebhookSignature.SIGNATURE_HEADER), Instant.now(), Duration.ofMinutes(5))).isTrue();
        assertThat(WebhookSignature.verify("whsec_wrong", delivery.header(WebhookSignature.TIMESTAMP_HEADER),
                delivery.body(), delivery.header(WebhookSignature.SIGNATURE_HEADER), Instant.now(),
                Duration.ofMinutes(5))).isFalse();
        assertThat(delivery.header(WebhookSignature.EVENT_HEADER)).isEqualTo("model.registered");
        JsonNode body = json(delivery.body());
        assertThat(body.path("kind").asText()).isEqualTo("model.registered");
        assertThat(body.path("model").path("id").asText()).isEqualTo(modelId);
        assertThat(body.path("actor").asText()).isEqualTo("alice");
        assertThat(body.path("data").path("visibility").asText()).isEqualTo("PRIVATE");
        assertThat(body.path("data").has("definition")).isFalse();
        // the secret is shown once: never again
        Api.Answer read = api().call("GET", "/api/webhooks/" + created.body().path("id").asText()).token(token("alice")).send();
        assertThat(read.response().body()).doesNotContain(secret).doesNotContain("secret");
    }

    @Test
    void aReceiverThatFailsTwiceThenSucceedsHasExactlyOneSuccessfulDeliveryInTheLog() {
        String url = RECEIVER.endpoint(200, 500, 502);
        String hookId = createHook("bob", url, List.of("model.registered"), null).body().path("id").asText();

        registered("bob", "PRIVATE", uniqueName("hook-retry"));
        JsonNode delivery = awaitDelivery("bob", hookId, "DELIVERED");

        assertThat(deliveries("bob", hookId)).hasSize(1);
        assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.path("attemptLog").findValuesAsText("httpStatus")).containsExactly("500", "502", "200");
        assertThat(delivery.has("lastLatencyMs")).as("no timings for the owner").isFalse();
        assertThat(delivery.path("attemptLog").findValuesAsText("error"))
                .contains("failed with HTTP 500", "failed with HTTP 502");
        assertThat(delivery.path("attemptLog").findValues("latencyMs")).isEmpty();
        List<WebhookReceiver.Received> requests = RECEIVER.requests(url);
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(request -> request.header(WebhookSignature.DELIVERY_HEADER)).containsOnly(
                delivery.path("id").asText());
        JsonNode hook = api().call("GET", "/api/webhooks/" + hookId).token(token("bob")).send().body();
        assertThat(hook.path("active").asBoolean()).isTrue();
        assertThat(hook.path("consecutiveFailures").asInt()).isZero();
    }

    @Test
    void aReceiverThatKeepsFailingIsPausedItsOwnerToldAndResumingAndRedeliveryDeliver() {
        String url = RECEIVER.endpoint(503);
        String hookId = createHook("paula", url, List.of("model.registered"), null).body().path("id").asText();

        String modelId = registered("paula", "PRIVATE", uniqueName("hook-paused"));
        JsonNode paused = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> api().call("GET", "/api/webhooks/" + hookId).token(token("paula")).send().body(),
                        hook -> !hook.path("active").asBoolean());

        assertThat(paused.path("pausedReason").asText()).contains("4 failed deliveries in a row", "503");
        MailCatcher.Mail mail = MailCatcher.awaitMail("paula@models-hub.local", "Webhook paused: " + url);
        assertThat(mail.text()).contains("after 4 failed deliveries in a row", "PUT /api/webhooks/" + hookId);
        JsonNode waiting = deliveries("paula", hookId).get(0);
        assertThat(waiting.path("status").asText()).isEqualTo("PENDING");
        assertThat(waiting.path("attempts").asInt()).isEqualTo(4);
        sleep(Duration.ofSeconds(2));
        assertThat(RECEIVER.requests(url)).as("nothing is sent while paused").hasSize(4);

        RECEIVER.answerFromNowOn(url, 200);
        Api.Answer resumed = api().call("PUT", "/api/webhooks/" + hookId).token(token("paula"))
                .json(Map.of("url", url, "eventKinds", List.of("model.registered"), "active", true)).send();
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        JsonNode delivered = awaitDelivery("paula", hookId, "DELIVERED");
        assertThat(delivered.path("attempts").asInt()).isEqualTo(5);

        Api.Answer redelivery = api().call("POST", "/api/webhooks/" + hookId + "/deliveries/"
                + delivered.path("id").asText() + "/redelivery").token(token("paula")).send();
        assertThat(redelivery.status()).as(redelivery.toString()).isEqualTo(202);
        assertThat(redelivery.body().path("redeliveryOf").asText()).isEqualTo(delivered.path("id").asText());
        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.requests(url).size() == 6);
        List<WebhookReceiver.Received> requests = RECEIVER.requests(url);
        assertThat(json(requests.get(5).body()).path("id").asText())
                .as("a redelivery carries the same event").isEqualTo(json(requests.get(4).body()).path("id").asText());
        assertThat(json(requests.get(5).body()).path("model").path("id").asText()).isEqualTo(modelId);
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries("paula", hookId).stream()
                .allMatch(delivery -> delivery.path("status").asText().equals("DELIVERED")));
    }

    @Test
    void privateAndEnterpriseEventsNeverReachAnotherPersonsHook() {
        String bobsUrl = RECEIVER.endpoint(200);
        String adamsUrl = RECEIVER.endpoint(200);
        String alicesUrl = RECEIVER.endpoint(200);
        assertThat(createHook("bob", bobsUrl, ALL_KINDS, "OWN_MODELS").status()).isEqualTo(201);
        Api.Answer adams = createHook("adam", adamsUrl, ALL_KINDS, "ALL_PUBLIC");
        assertThat(adams.status()).as(adams.toString()).isEqualTo(201);
        assertThat(createHook("alice", alicesUrl, ALL_KINDS, "OWN_MODELS").status()).isEqualTo(201);

        String alicesPrivate = registered("alice", "PRIVATE", uniqueName("hook-private"));
        String erinsEnterprise = registered("erin", "ENTERPRISE", uniqueName("hook-enterprise"));
        String paulasPublic = registered("paula", "PUBLIC", uniqueName("hook-public"));

        // the process handles events in order: once the public model reached the admin, the others were handled
        await().atMost(Duration.ofSeconds(60)).until(() -> modelIds(adamsUrl).contains(paulasPublic));
        await().atMost(Duration.ofSeconds(60)).until(() -> modelIds(alicesUrl).contains(alicesPrivate));
        assertThat(modelIds(adamsUrl)).doesNotContain(alicesPrivate, erinsEnterprise);
        assertThat(modelIds(bobsUrl)).isEmpty();
        assertThat(modelIds(alicesUrl)).containsOnly(alicesPrivate);
        assertThat(jdbc.queryForObject("""
                        SELECT count(*) FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
                        WHERE d.model_id IN (?, ?) AND w.owner_subject <> (SELECT owner_subject FROM webhook_model
                                                                           WHERE model_id = d.model_id)""",
                Integer.class, alicesPrivate, erinsEnterprise)).as("not even queued for someone else").isZero();
    }

    @Test
    void onlyAdminsMayHearOfEveryPublicModel() {
        Api.Answer answer = createHook("rita", RECEIVER.endpoint(200), List.of("model.approved"), "ALL_PUBLIC");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.contentType()).contains("application/problem+json");
    }

    @Test
    void receiverUrlAndEventKindsAreValidatedWithPointers() {
        Api.Answer plainHttp = createHook("alice", "http://example.com/hook", List.of("model.approved"), null);
        Api.Answer unknownKind = createHook("alice", "https://example.com/hook", List.of("model.approved", "model.exploded"), null);
        Api.Answer noKinds = createHook("alice", "https://example.com/hook", List.of(), null);
        Api.Answer tooLong = createHook("alice", "https://example.com/" + "a".repeat(2100), List.of("model.approved"), null);
        Api.Answer unknownField = api().call("POST", "/api/webhooks").token(token("alice"))
                .json(Map.of("url", "https://example.com/hook", "eventKinds", List.of("model.approved"), "x", 1)).send();

        assertThat(pointers(plainHttp)).containsExactly("/url");
        assertThat(pointers(unknownKind)).containsExactly("/eventKinds/1");
        assertThat(pointers(noKinds)).containsExactly("/eventKinds");
        assertThat(pointers(tooLong)).containsExactly("/url");
        for (Api.Answer answer : List.of(plainHttp, unknownKind, noKinds, tooLong, unknownField)) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.contentType()).contains("application/problem+json");
        }
    }

    @Test
    void aPersonMayRegisterOnlySoManyWebhooks() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            statuses.add(createHook("audrey", "https://example.com/audrey/" + i, List.of("model.deleted"), null).status());
        }
        List<String> ids = api().call("GET", "/api/webhooks").token(token("audrey")).send().body().findValuesAsText("id");
        ids.forEach(id -> api().call("DELETE", "/api/webhooks/" + id).token(token("audrey")).send());

        assertThat(statuses.subList(0, 10)).containsOnly(201);
        assertThat(statuses.get(10)).isEqualTo(409);
        assertThat(api().call("GET", "/api/webhooks").token(token("audrey")).send().body()).isEmpty();
    }

    @Test
    void anotherPersonsWebhookAndItsLogAreNotFoundAndAnonymousCallersAreRefused() {
        String hookId = createHook("alice", RECEIVER.endpoint(200), List.of("model.deleted"), null)
                .body().path("id").asText();

        for (String path : List.of("/api/webhooks/" + hookId, "/api/webhooks/" + hookId + "/deliveries")) {
            Api.Answer answer = api().call("GET", path).token(token("adam")).send();
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.contentType()).contains("application/problem+json");
        }
        assertThat(api().call("DELETE", "/api/webhooks/" + hookId).token(token("bob")).send().status()).isEqualTo(404);
        assertThat(api().call("GET", "/api/webhooks").send().status()).isEqualTo(401);
        assertThat(api().call("DELETE", "/api/webhooks/" + hookId).token(token("alice")).send().status()).isEqualTo(204);
    }

    @Test
    void theWebhookAndMailSettingsApisAreDescribedInOpenApi() throws Exception {
        Api.Answer docs = api().call("GET", "/v3/api-docs").send();
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/command-api-docs.json"), docs.response().body());

        JsonNode paths = docs.body().path("paths");
        assertThat(paths.has("/api/webhooks")).isTrue();
        assertThat(paths.has("/api/webhooks/{id}/deliveries/{deliveryId}/redelivery")).isTrue();
        assertThat(paths.has("/api/users/me/notifications")).isTrue();
        JsonNode create = paths.path("/api/webhooks").path("post");
        assertThat(create.path("responses").has("403")).isTrue();
        assertThat(create.path("responses").path("201").path("headers").has("ETag")).as("no model version here").isFalse();
    }

    private Api.Answer createHook(String user, String url, List<String> kinds, String scope) {
        Map<String, Object> body = scope == null ? Map.of("url", url, "eventKinds", kinds)
                : Map.of("url", url, "eventKinds", kinds, "scope", scope);
        return api().call("POST", "/api/webhooks").token(token(user)).json(body).send();
    }

    private String registered(String user, String visibility, String name) {
        Api.Answer answer = register(user, "llm", visibility, fixtureNamed("llm", name));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.body().path("modelId").asText();
    }

    private List<JsonNode> deliveries(String user, String hookId) {
        List<JsonNode> found = new ArrayList<>();
        api().call("GET", "/api/webhooks/" + hookId + "/deliveries").token(token(user)).send().body().forEach(found::add);
        return found;
    }

    private JsonNode awaitDelivery(String user, String hookId, String status) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> deliveries(user, hookId).stream()
                        .filter(delivery -> delivery.path("status").asText().equals(status))
                        .findFirst().orElse(null), found -> found != null);
    }

    private static List<WebhookReceiver.Received> awaitRequests(String url, int count) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> RECEIVER.requests(url), requests -> requests.size() >= count);
    }

    private static List<String> modelIds(String url) {
        return RECEIVER.requests(url).stream().map(request -> json(request.body()).path("model").path("id").asText())
                .toList();
    }

    private static List<String> pointers(Api.Answer answer) {
        return answer.body().path("errors").findValuesAsText("pointer");
    }

    private static JsonNode json(String text) {
        try {
            return Api.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
