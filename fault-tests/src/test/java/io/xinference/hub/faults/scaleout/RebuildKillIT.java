package io.xinference.hub.faults.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.faults.apps.HubApp;
import io.xinference.hub.faults.apps.HubAppProcess;
import io.xinference.hub.faults.apps.HubStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.xinference.hub.faults.scaleout.ScaleOutIT.awaitTrue;
import static io.xinference.hub.faults.scaleout.ScaleOutIT.say;
import static io.xinference.hub.faults.scaleout.ScaleOutIT.seconds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of query-side in the middle of a catalogue rebuild: while it is down the alias still points at
 * the old, complete index (the half-built one is never served); once restarted, the instance takes its own
 * stale rebuild over (same id, next attempt), deletes the half-built index, rebuilds from the start and swaps;
 * the rebuilt index then equals the live one document for document, and the event store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RebuildKillIT {

    private static final int MODELS = 10;
    private static final int COPIES = 200;
    private static final String NAME_PREFIX = "rebuild-kill-";

    private HubStack stack;
    private HubAppProcess command;
    private HubAppProcess query;

    @BeforeAll
    void startTheStack() {
        stack = HubStack.create("rebuild_kill")
                .with("HUB_REBUILD_HEARTBEAT", "1s")
                .with("HUB_REBUILD_STALE_AFTER", "5s")
                .with("HUB_TOKEN_CLAIM_TIMEOUT", "5s");
        command = stack.start(HubApp.COMMAND_SIDE, "command");
        query = stack.start(HubApp.QUERY_SIDE, "query");
    }

    @AfterAll
    void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aQueryInstanceKilledMidRebuildResumesItAfterRestartAndTheIndexConvergesToTheLiveOne() throws Exception {
        String alice = stack.tokens().accessToken("alice");
        List<String> originals = new ArrayList<>();
        for (int i = 0; i < MODELS; i++) {
            String name = NAME_PREFIX + i;
            HubHttp.Answer registered = HubHttp.register(command.baseUrl(), alice, name, "# " + name + "\n",
                    UUID.randomUUID().toString());
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            String id = registered.json().path("modelId").asText();
            originals.add(id);
            for (int update = 1; update <= 2; update++) {
                HubHttp.Answer updated = HubHttp.updateReadme(command.baseUrl(), alice, id,
                        "# " + name + "\n\nupdate " + update + "\n");
                assertThat(updated.ok()).as(updated.toString()).isTrue();
            }
        }
        long seeded = EventCopies.append(stack, originals, COPIES);
        StoreFacts store = new StoreFacts(stack);
        Map<String, StoreFacts.StoredModel> models = store.models(NAME_PREFIX);
        assertThat(models).hasSize(MODELS * (COPIES + 1));
        String catalogue = stack.indexPrefix() + "catalogue";
        long live = System.nanoTime();
        awaitTrue(Duration.ofMinutes(5), "the live catalogue holds every model",
                () -> Elastic.count(catalogue) >= models.size());
        say("%d events seeded (%d in the store), %d models; the live projection caught up in %.0f s", seeded,
                store.eventCount(), models.size(), seconds(live));
        List<String> liveIndex = Elastic.indicesBehind(catalogue);
        assertThat(liveIndex).hasSize(1);

        String admin = stack.tokens().accessToken("adam");
        HubHttp.Answer started = HubHttp.post(query.baseUrl() + "/api/admin/rebuilds/catalogue", admin);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = started.json().path("id").asText();
        JsonNode building = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = HubHttp.get(query.baseUrl() + "/api/admin/rebuilds/" + id, admin).json();
            assertThat(status.path("phase").asText()).as("still building: %s", status).isEqualTo("BUILDING");
            if (status.path("eventsDone").asLong() >= 1000) {
                building = status;
                break;
            }
            Thread.sleep(100);
        }
        assertThat(building).as("the rebuild got 1000 events in").isNotNull();
        query.kill();
        String halfBuilt = building.path("newIndex").asText();
        say("killed %s mid-rebuild at %d of %d events (half-built index %s)", query.name(),
                building.path("eventsDone").asLong(), building.path("eventsTotal").asLong(), halfBuilt);

        // while it is down, readers would still get the old, complete index, never the half-built one
        assertThat(Elastic.indicesBehind(catalogue)).isEqualTo(liveIndex);
        assertThat(Elastic.count(catalogue)).isEqualTo(models.size());
        assertThat(Elastic.count(halfBuilt)).isLessThan(models.size());

        long restarting = System.nanoTime();
        query = stack.start(HubApp.QUERY_SIDE, "query-restarted");
        say("restarted as %s in %.0f s", query.name(), seconds(restarting));
        JsonNode[] done = new JsonNode[1];
        awaitTrue(Duration.ofMinutes(5), "the restarted instance finishes rebuild " + id, () -> {
            HubHttp.Answer list = HubHttp.get(query.baseUrl() + "/api/admin/rebuilds", admin);
            for (JsonNode status : list.ok() ? list.json() : HubHttp.JSON.createArrayNode()) {
                if (status.path("id").asText().equals(id) && status.path("phase").asText().equals("DONE")) {
                    done[0] = status;
                    return true;
                }
            }
            return false;
        });
        say("rebuild %s done after the restart: attempt %d, %d events, into %s (%.0f s after the restart began)",
                id, done[0].path("attempt").asInt(), done[0].path("eventsDone").asLong(),
                done[0].path("newIndex").asText(), seconds(restarting));
        assertThat(done[0].path("attempt").asInt()).isEqualTo(2);
        String rebuilt = done[0].path("newIndex").asText();
        assertThat(rebuilt).isNotEqualTo(halfBuilt);
        assertThat(Elastic.indicesBehind(catalogue)).containsExactly(rebuilt);
        assertThat(Elastic.exists(halfBuilt)).as("the half-built index was deleted").isFalse();

        // the rebuilt index equals the live one, document for document, and the store
        Map<String, Elastic.Doc> before = Elastic.all(liveIndex.get(0));
        Map<String, Elastic.Doc> after = Elastic.all(rebuilt);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (Map.Entry<String, Elastic.Doc> doc : before.entrySet()) {
            assertThat(after.get(doc.getKey()).version()).as(doc.getKey()).isEqualTo(doc.getValue().version());
            assertThat(after.get(doc.getKey()).source()).as(doc.getKey()).isEqualTo(doc.getValue().source());
        }
        for (StoreFacts.StoredModel model : models.values()) {
            Elastic.Doc doc = after.get(model.modelId());
            assertThat(doc.version()).as(model.modelId()).isEqualTo(model.lastSequence());
            assertThat(doc.source().path("readme").asText()).isEqualTo(model.readme());
        }
        say("rebuilt index equals the live one: %d documents, same versions and sources", after.size());
    }
}
