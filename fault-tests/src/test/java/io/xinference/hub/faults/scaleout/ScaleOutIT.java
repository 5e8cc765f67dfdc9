package io.xinference.hub.faults.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.faults.apps.HubApp;
import io.xinference.hub.faults.apps.HubAppProcess;
import io.xinference.hub.faults.apps.HubStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production shape on one machine: two command-side and two query-side processes on one PostgreSQL and one
 * Elasticsearch, under a steady load of registrations and README updates through both command instances. The
 * query instances share every pooled processor's segments through Axon's token claims; a SIGKILLed query
 * instance's segments move to the other once its claims time out; a SIGKILLed command instance fails only its own
 * requests. At the end every model's catalogue document and audit trail equal the event store: no event lost,
 * none applied twice in effect. One stack for the whole class; the steps run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(5);
    static final Duration CLAIM_INTERVAL = Duration.ofSeconds(1);
    static final List<String> POOLED = List.of("catalogue", "review-queue", "audit-trail");
    static final String NAME_PREFIX = "scaleout-";

    private HubStack stack;
    private HubAppProcess command1;
    private HubAppProcess command2;
    private HubAppProcess query1;
    private HubAppProcess query2;
    private CommandLoad load;
    private StoreFacts store;

    @BeforeAll
    void startTheStack() {
        long started = System.nanoTime();
        stack = HubStack.create("scaleout")
                .with("HUB_TOKEN_CLAIM_TIMEOUT", CLAIM_TIMEOUT.toSeconds() + "s")
                .with("HUB_TOKEN_CLAIM_INTERVAL", Long.toString(CLAIM_INTERVAL.toMillis()))
                .with("HUB_BALANCE_INTERVAL", "2s");
        store = new StoreFacts(stack);
        // the first command instance migrates the schema; the other three start together
        command1 = stack.start(HubApp.COMMAND_SIDE, "command-1");
        command2 = stack.startWithoutWaiting(HubApp.COMMAND_SIDE, "command-2");
        query1 = stack.startWithoutWaiting(HubApp.QUERY_SIDE, "query-1");
        query2 = stack.startWithoutWaiting(HubApp.QUERY_SIDE, "query-2");
        List.of(command2, query1, query2).forEach(p -> p.awaitHealthy(HubStack.START_TIMEOUT));
        say("stack of 4 processes up in %.0f s", seconds(started));
        load = new CommandLoad(List.of(command1, command2), stack.tokens(), NAME_PREFIX);
        load.start(4);
        // cold JVMs answer the first commands slowly: the steps below run under a load that is really flowing
        long warming = System.nanoTime();
        try {
            awaitTrue(Duration.ofMinutes(3), "40 commands answered", () -> load.answeredOk() >= 40);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        say("load flowing: 40 commands answered %.0f s after it started", seconds(warming));
    }

    @AfterAll
    void stopTheStack() {
        if (load != null) {
            load.stop();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void bothQueryInstancesHoldSegmentsOfEveryPooledProcessor() throws Exception {
        long started = System.nanoTime();
        awaitTrue(Duration.ofMinutes(2), "both query instances own segments of " + POOLED, () -> {
            for (String processor : POOLED) {
                Set<String> holders = holders(store.owners(processor));
                if (!holders.equals(Set.of(query1.name(), query2.name()))) {
                    return false;
                }
            }
            return true;
        });
        say("both query instances hold segments of every pooled processor after %.1f s: %s", seconds(started),
                describeOwners());
    }

    @Test
    @Order(2)
    void aCatalogueRebuildWithBothQueryInstancesRunsOnceAndSwapsUnderLoad() throws Exception {
        String admin = stack.tokens().accessToken("adam");
        long eventsBefore = store.eventCount();
        HubHttp.Answer started = HubHttp.post(query1.baseUrl() + "/api/admin/rebuilds/catalogue", admin);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String id = started.json().path("id").asText();
        // the other instance refuses a second rebuild of the same projection, saying which one runs
        HubHttp.Answer second = HubHttp.post(query2.baseUrl() + "/api/admin/rebuilds/catalogue", admin);
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.body()).contains(id);
        JsonNode done = awaitRebuild(query1, id, Duration.ofMinutes(4));
        assertThat(done.path("phase").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(Elastic.indicesBehind(stack.indexPrefix() + "catalogue"))
                .containsExactly(done.path("newIndex").asText());
        long eventsAfter = store.eventCount();
        say("rebuild with two query instances: %d events folded, DONE under load (%d events in the store when it"
                        + " started, %d when it ended): %s", done.path("eventsDone").asLong(), eventsBefore, eventsAfter,
                done);
        assertThat(eventsAfter).as("commands went on during the rebuild").isGreaterThan(eventsBefore);
        // the paused instance took its processors up again
        awaitTrue(Duration.ofMinutes(1), "both query instances own catalogue segments again",
                () -> holders(store.owners("catalogue")).equals(Set.of(query1.name(), query2.name())));
    }

    @Test
    @Order(3)
    void aKilledQueryInstancesSegmentsMoveToTheOtherWithinTheClaimTimeout() throws Exception {
        int okBefore = load.answeredOk();
        long killed = System.nanoTime();
        query2.kill();
        say("killed %s mid-load (%d commands answered so far)", query2.name(), okBefore);
        awaitTrue(Duration.ofMinutes(1), "query-1 owns every segment", () -> {
            for (String processor : List.of("catalogue", "review-queue", "audit-trail", "integrity")) {
                Map<Integer, String> owners = store.owners(processor);
                if (owners.isEmpty() || !holders(owners).equals(Set.of(query1.name()))
                        || owners.containsValue(null)) {
                    return false;
                }
            }
            return true;
        });
        double handover = seconds(killed);
        say("handover: query-1 owns every segment %.1f s after the kill (claim timeout %s, claim interval %s): %s",
                handover, CLAIM_TIMEOUT, CLAIM_INTERVAL, describeOwners());
        // claim timeout + claim interval + the released segments' block (2 intervals) + a loaded machine's slack
        assertThat(handover).isLessThan(CLAIM_TIMEOUT.plus(CLAIM_INTERVAL.multipliedBy(3)).toSeconds() + 15);
        // the survivor keeps projecting: a change made now shows up through it
        int okAtHandover = load.answeredOk();
        awaitTrue(Duration.ofMinutes(1), "more commands answered", () -> load.answeredOk() > okAtHandover + 5);
    }

    @Test
    @Order(4)
    void aKilledCommandInstanceFailsOnlyItsOwnRequests() throws Exception {
        long killing = System.nanoTime();
        command2.kill();
        long killed = System.nanoTime();
        int okAtKill = load.answeredOk();
        awaitTrue(Duration.ofMinutes(2), "20 commands answered by command-1 after the kill",
                () -> load.sentTo(command1, killed).stream().filter(s -> s.status() / 100 == 2).count() >= 20);
        List<CommandLoad.Sent> inFlight = load.sentTo(command2, killing).stream()
                .filter(s -> s.endedAtNanos() <= killed).toList();
        List<CommandLoad.Sent> toDead = load.sentTo(command2, killed);
        List<CommandLoad.Sent> toLive = load.sentTo(command1, killed);
        say("killing command-2: %d requests to it ended while it died (%d without an answer); after: %d requests"
                        + " to it (none answered), %d to command-1 (%d answered 2xx); %d registrations retried on"
                        + " the other instance with their Idempotency-Key",
                inFlight.size(), inFlight.stream().filter(s -> s.status() == -1).count(), toDead.size(),
                toLive.size(), toLive.stream().filter(s -> s.status() / 100 == 2).count(),
                load.retriedRegistrations.get());
        assertThat(toDead).isNotEmpty().allSatisfy(s -> assertThat(s.status()).as(s.toString()).isEqualTo(-1));
        assertThat(toLive).allSatisfy(s -> assertThat(s.status() / 100).as(s.toString()).isEqualTo(2));
        assertThat(load.answeredOk()).isGreaterThan(okAtKill);
    }

    @Test
    @Order(5)
    void afterTheLoadEveryProjectionEqualsTheEventStore() throws Exception {
        load.stop();
        assertThat(load.unexpected).as("answers other than 2xx from live instances").isEmpty();
        Map<String, StoreFacts.StoredModel> models = store.models(NAME_PREFIX);
        long events = models.values().stream().mapToLong(m -> m.eventIds().size()).sum();
        say("load stopped: %d models, %d events (%d in the store), %d commands answered, %d updates sent again"
                        + " after a 409 concurrent-change", models.size(), events, store.eventCount(),
                load.answeredOk(), load.concurrentChangeRetries.get());
        assertThat(models.size()).isGreaterThan(10);
        // every acknowledged change is in the store
        load.acknowledged.forEach((id, version) -> {
            assertThat(models).containsKey(id);
            assertThat(models.get(id).lastSequence()).isGreaterThanOrEqualTo(version);
        });
        String catalogue = stack.indexPrefix() + "catalogue";
        String audit = stack.indexPrefix() + "audit-trail";
        awaitTrue(Duration.ofMinutes(3), "the catalogue reaches every model's last version", () -> {
            Map<String, Elastic.Doc> docs = Elastic.all(catalogue);
            return models.values().stream().allMatch(m -> docs.containsKey(m.modelId())
                    && docs.get(m.modelId()).version() == m.lastSequence());
        });
        Map<String, Elastic.Doc> docs = Elastic.all(catalogue);
        for (StoreFacts.StoredModel model : models.values()) {
            Elastic.Doc doc = docs.get(model.modelId());
            assertThat(doc.source().path("version").asLong()).as(model.modelId()).isEqualTo(model.lastSequence());
            assertThat(doc.source().path("readme").asText()).as(model.modelId()).isEqualTo(model.readme());
        }
        awaitTrue(Duration.ofMinutes(3), "the audit trail has an entry per event",
                () -> auditEntries(audit, models.keySet()).size() >= events);
        Map<String, Elastic.Doc> entries = auditEntries(audit, models.keySet());
        Map<String, Integer> perEvent = new HashMap<>();
        entries.values().forEach(e -> perEvent.merge(e.source().path("eventId").asText(), 1, Integer::sum));
        Set<String> storedEvents = models.values().stream().flatMap(m -> m.eventIds().stream())
                .collect(Collectors.toSet());
        assertThat(perEvent.keySet()).isEqualTo(storedEvents);
        assertThat(perEvent.values()).allMatch(n -> n == 1);
        for (Elastic.Doc entry : entries.values()) {
            // an entry's version is its event's sequence number: written once, never overwritten by a replay
            assertThat(entry.version()).isEqualTo(entry.source().path("sequence").asLong());
        }
        say("catalogue: %d documents equal to the store's last versions and READMEs; audit trail: %d entries,"
                + " one per event", models.size(), entries.size());
    }

    private static Map<String, Elastic.Doc> auditEntries(String audit, Set<String> modelIds) {
        Map<String, Elastic.Doc> entries = new HashMap<>(Elastic.all(audit));
        entries.values().removeIf(e -> !modelIds.contains(e.source().path("modelId").asText()));
        return entries;
    }

    private JsonNode awaitRebuild(HubAppProcess instance, String id, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            HubHttp.Answer answer = HubHttp.get(instance.baseUrl() + "/api/admin/rebuilds/" + id,
                    stack.tokens().accessToken("adam"));
            if (answer.ok()) {
                status = answer.json();
                if (!status.path("phase").asText().matches("BUILDING|SWAPPING")) {
                    return status;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("rebuild " + id + " did not finish within " + timeout + ": " + status);
    }

    /** The processes (by name) that hold a claim in these owners. */
    private Set<String> holders(Map<Integer, String> owners) {
        Set<String> holders = new HashSet<>();
        for (String owner : owners.values()) {
            holders.add(owner == null ? "nobody" : processOf(owner));
        }
        return holders;
    }

    private String processOf(String owner) {
        for (HubAppProcess process : List.of(query1, query2)) {
            if (owner.startsWith(process.pid() + "@")) {
                return process.name();
            }
        }
        return owner;
    }

    private String describeOwners() throws Exception {
        StringBuilder text = new StringBuilder();
        for (String processor : List.of("catalogue", "review-queue", "audit-trail", "integrity")) {
            Map<Integer, String> owners = store.owners(processor);
            text.append(processor).append(owners.entrySet().stream()
                    .map(e -> e.getKey() + "=" + (e.getValue() == null ? "nobody" : processOf(e.getValue())))
                    .collect(Collectors.joining(", ", " {", "} ")));
        }
        return text.toString().trim();
    }

    interface Check {
        boolean test() throws Exception;
    }

    static void awaitTrue(Duration timeout, String what, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.test()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(250);
        }
    }

    static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    static void say(String format, Object... args) {
        System.out.printf("[scale-out] " + format + "%n", args);
    }
}
