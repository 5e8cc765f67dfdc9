package io.xinference.hub.command.it;

import io.xinference.hub.command.webhook.WebhookSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox under crashes, against the real PostgreSQL: the database session that carries the work dies in the
 * middle of its transaction, exactly as PostgreSQL sees a process killed with SIGKILL (the session ends, its
 * transaction is rolled back). A trigger ends its own session with {@code pg_terminate_backend} the first time it
 * fires (a sequence is its fuse: sequences are not rolled back), then lets everything pass.
 * <ol>
 *   <li>Between the events and the outbox rows: the outbox processor's batch dies after some of its rows were
 *   written. The mail rows, the webhook rows and the token roll back together; the retried batch writes each once.</li>
 *   <li>Between the side effect and its record: the receiver got the POST, then the worker's session dies before
 *   the delivery is marked delivered. When the claim's lease has run out the same delivery is sent again, with the
 *   same delivery id: nothing is lost, and a receiver that deduplicates by delivery id acts on it once.</li>
 * </ol>
 */
class OutboxCrashIT extends CommandSideIT {

    private static final WebhookReceiver RECEIVER = new WebhookReceiver();
    private final List<String> hooks = new ArrayList<>();
    private final List<String> cleanup = new ArrayList<>();

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @AfterEach
    void removeFusesAndHooks() {
        cleanup.forEach(jdbc::execute);
        hooks.forEach(id -> api().call("DELETE", "/api/webhooks/" + id).token(token("bob")).send());
    }

    @Test
    void aBatchThatDiesAfterWritingSomeRowsIsRetriedWholeAndQueuesEachSideEffectOnce() {
        String url = RECEIVER.endpoint(204);
        String hookId = hook(url);
        crashOnce("BEFORE INSERT ON webhook_delivery", "NEW.webhook_id = '" + hookId + "'");

        Instant expiresAt = Instant.now().plus(Duration.ofDays(60));
        List<String> modelIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Api.Answer answer = api().call("POST", "/api/registry/models").token(token("bob"))
                    .json(Map.of("modelType", "llm", "visibility", "PRIVATE", "readme", "# r",
                            "definition", fixtureNamed("llm", uniqueName("outbox-crash")),
                            "expiresAt", expiresAt.toString()))
                    .send();
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            modelIds.add(answer.body().path("modelId").asText());
        }

        Map<String, WebhookReceiver.Received> acted = await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> RECEIVER.deduplicated(url), received -> received.size() >= 3);
        assertThat(fuseBlown()).as("the processor's session was killed once").isTrue();

        assertThat(RECEIVER.requests(url)).as("nothing sent twice").hasSize(3);
        assertThat(acted.values()).extracting(request -> modelIdIn(request.body())).containsExactlyInAnyOrderElementsOf(modelIds);
        for (String modelId : modelIds) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_delivery WHERE webhook_id = ? AND model_id = ?",
                    Integer.class, hookId, modelId)).as("deliveries of %s", modelId).isOne();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM mail_outbox WHERE model_id = ? AND kind = 'EXPIRY_REMINDER'",
                    Integer.class, modelId)).as("expiry reminders of %s: the mail rows rolled back with the rest", modelId)
                    .isOne();
        }
    }

    @Test
    void aDeliverySentButNotRecordedIsSentAgainWithTheSameDeliveryIdAndActedOnOnce() {
        String url = RECEIVER.endpoint(204);
        String hookId = hook(url);
        crashOnce("BEFORE UPDATE ON webhook_delivery",
                "NEW.webhook_id = '" + hookId + "' AND NEW.status = 'DELIVERED'");

        Api.Answer answer = register("bob", "llm", "PRIVATE", fixtureNamed("llm", uniqueName("outbox-resend")));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> RECEIVER.requests(url).size() == 1 && fuseBlown());
        String deliveryId = RECEIVER.requests(url).get(0).header(WebhookSignature.DELIVERY_HEADER);
        assertThat(jdbc.queryForObject("SELECT status FROM webhook_delivery WHERE id = ?", String.class, deliveryId))
                .as("the record died with the session").isEqualTo("PENDING");

        // the dead run's lease (twice the timeout plus 30 s) runs out
        jdbc.update("UPDATE webhook_delivery SET claimed_until = now() - interval '1 second' WHERE id = ?", deliveryId);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> "DELIVERED".equals(
                jdbc.queryForObject("SELECT status FROM webhook_delivery WHERE id = ?", String.class, deliveryId)));
        List<WebhookReceiver.Received> requests = RECEIVER.requests(url);
        assertThat(requests).as("sent again after the crash").hasSize(2);
        assertThat(requests).extracting(request -> request.header(WebhookSignature.DELIVERY_HEADER))
                .containsOnly(deliveryId);
        assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
        assertThat(RECEIVER.deduplicated(url)).as("acted on once").hasSize(1);
    }

    private String hook(String url) {
        Api.Answer created = api().call("POST", "/api/webhooks").token(token("bob"))
                .json(Map.of("url", url, "eventKinds", List.of("model.registered"))).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().path("id").asText();
        hooks.add(id);
        return id;
    }

    private static String modelIdIn(String body) {
        try {
            return Api.JSON.readTree(body).path("model").path("id").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String fuse;

    /** The first row matching {@code condition} ends the session that writes it; later ones pass. */
    private void crashOnce(String timing, String condition) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        fuse = "outbox_crash_fuse_" + suffix;
        String function = "outbox_crash_" + suffix;
        jdbc.execute("CREATE SEQUENCE " + fuse);
        jdbc.execute("CREATE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF nextval('" + fuse + "') = 1 THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;"
                + " RETURN NEW; END $$");
        jdbc.execute("CREATE TRIGGER " + function + " " + timing + " FOR EACH ROW WHEN (" + condition + ")"
                + " EXECUTE FUNCTION " + function + "()");
        String table = timing.substring(timing.indexOf(" ON ") + 4);
        cleanup.add("DROP TRIGGER IF EXISTS " + function + " ON " + table);
        cleanup.add("DROP FUNCTION IF EXISTS " + function + "()");
        cleanup.add("DROP SEQUENCE IF EXISTS " + fuse);
    }

    private boolean fuseBlown() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT is_called FROM " + fuse, Boolean.class));
    }
}
