package io.xinference.hub.faults.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.faults.apps.HubApp;
import io.xinference.hub.faults.apps.HubAppProcess;
import io.xinference.hub.faults.apps.HubStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thousand writers race on one model through two command-side processes (their in-process aggregate locks do
 * not see each other: the event store's unique (aggregate, sequence number) decides).
 * <ol>
 *   <li>All 1,000 send If-Match "0" at once: exactly one wins; every other answer is a refusal (412 stale, 409
 *       lost the commit race, or 503 no connection in time) and the store holds exactly versions 0 and 1.</li>
 *   <li>300 writes without If-Match, 16 writers racing at a time (8 per process), each retrying a 409/503
 *       after a short random pause: every acknowledged write has its own version (one winner per version), the
 *       store holds exactly the acknowledged writes at the versions their answers named, in an unbroken
 *       sequence, nothing lost and nothing extra. (Not 1,000: on this shared machine two processes writing one
 *       aggregate committed between 2 and 21 writes a second, depending on what else ran; 1,000 once took over
 *       8 minutes.)</li>
 * </ol>
 * The pool waits 30 s for a connection here (instead of 5 s): a thousand requests on one aggregate queue on its
 * lock while holding connections, and this test measures the race, not load shedding.
 */
class RacingWritersIT {

    private static final int WRITERS = 1000;
    private static final int UNCONDITIONAL_WRITES = 300;
    private static final int CONCURRENT_UNCONDITIONAL = 16;
    private static final int ATTEMPTS = 40;

    private static HubStack stack;
    private static HubAppProcess first;
    private static HubAppProcess second;
    private final HubHttp http = new HubHttp();

    @BeforeAll
    static void startHub() {
        stack = HubStack.create("racing_writers").with("HUB_DB_CONNECTION_TIMEOUT", "30000");
        first = stack.start(HubApp.COMMAND_SIDE, "command-1");
        second = stack.start(HubApp.COMMAND_SIDE, "command-2");
    }

    @AfterAll
    static void stopHub() {
        if (stack != null) {
            stack.close();
        }
    }

    private record Outcome(int writer, HubHttp.Answer answer, int attempts) {
    }

    @Test
    void ofAThousandWritersExactlyOneWinsPerVersionAndNoAcknowledgedWriteIsLost() throws Exception {
        String token = stack.tokens().accessToken("alice");
        HubHttp.Answer registered = http.register(first.baseUrl(), token, "racing-" + System.currentTimeMillis(),
                null);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String modelId = registered.body().path("modelId").asText();

        // 1. one version, a thousand conditional writers
        Instant started = Instant.now();
        List<Outcome> conditional = race(writer -> http.updateReadme(instance(writer), token, modelId, 0L,
                "# conditional writer " + writer), false, WRITERS, WRITERS);
        Duration conditionalTook = Duration.between(started, Instant.now());
        Map<Integer, Long> conditionalStatuses = statuses(conditional);
        assertThat(conditional).filteredOn(o -> o.answer().status() == 200).as("winners of version 1").hasSize(1);
        assertThat(conditional).filteredOn(o -> o.answer().status() != 200).allSatisfy(o ->
                assertThat(o.answer().status()).as(o.answer().toString()).isIn(409, 412, 503));
        assertThat(events(modelId).keySet()).containsExactly(0L, 1L);

        // 2. a thousand unconditional writers, retrying lost races: each write once, each at its own version
        started = Instant.now();
        List<Outcome> unconditional = race(writer -> http.updateReadme(instance(writer), token, modelId, null,
                "# unconditional writer " + writer), true, UNCONDITIONAL_WRITES, CONCURRENT_UNCONDITIONAL);
        Duration unconditionalTook = Duration.between(started, Instant.now());
        Map<Integer, Long> finalStatuses = statuses(unconditional);
        List<Outcome> acked = unconditional.stream().filter(o -> o.answer().status() == 200).toList();
        Map<Long, List<Integer>> writersPerVersion = acked.stream().collect(Collectors.groupingBy(
                o -> o.answer().body().path("version").asLong(), TreeMap::new,
                Collectors.mapping(Outcome::writer, Collectors.toList())));
        Map<Long, String> stored = events(modelId);
        int retries = unconditional.stream().mapToInt(o -> o.attempts() - 1).sum();

        System.out.printf("%n[RacingWritersIT] %d writers on version 0 across two command-side processes: %s"
                        + " in %d s; %d unconditional writes, %d at a time: final answers %s after %d retries in"
                        + " %d s, %d acknowledged, %d versions stored after the first round%n%n",
                WRITERS, conditionalStatuses, conditionalTook.toSeconds(), UNCONDITIONAL_WRITES,
                CONCURRENT_UNCONDITIONAL,
                finalStatuses, retries,
                unconditionalTook.toSeconds(), acked.size(), stored.size() - 2);

        assertThat(writersPerVersion.values()).as("one winner per version")
                .allSatisfy(writers -> assertThat(writers).hasSize(1));
        assertThat(stored.keySet()).as("an unbroken sequence: the registration, the first round's winner and"
                + " every acknowledged write").hasSize(2 + acked.size());
        long expected = 0;
        for (long sequence : stored.keySet()) {
            assertThat(sequence).isEqualTo(expected++);
        }
        Map<Long, String> expectedReadmes = new HashMap<>();
        writersPerVersion.forEach((version, writers) -> expectedReadmes.put(version,
                "# unconditional writer " + writers.get(0)));
        for (Map.Entry<Long, String> write : expectedReadmes.entrySet()) {
            assertThat(stored.get(write.getKey())).as("version " + write.getKey()).isEqualTo(write.getValue());
        }
        assertThat(unconditional).filteredOn(o -> o.answer().status() != 200).as("writers that gave up after "
                + ATTEMPTS + " attempts").isEmpty();
    }

    private String instance(int writer) {
        return (writer % 2 == 0 ? first : second).baseUrl();
    }

    private interface Write {
        HubHttp.Answer send(int writer);
    }

    private static List<Outcome> race(Write write, boolean retryLostRaces, int writers, int concurrent)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrent);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                int number = writer;
                futures.add(pool.submit(() -> {
                    start.await();
                    HubHttp.Answer answer = write.send(number);
                    int attempts = 1;
                    while (retryLostRaces && attempts < ATTEMPTS
                            && (answer.status() == 409 || answer.status() == 503)) {
                        Thread.sleep(50 + ThreadLocalRandom.current().nextInt(250));
                        answer = write.send(number);
                        attempts++;
                    }
                    return new Outcome(number, answer, attempts);
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<Integer, Long> statuses(List<Outcome> outcomes) {
        return outcomes.stream().collect(Collectors.groupingBy(o -> o.answer().status(), TreeMap::new,
                Collectors.counting()));
    }

    /** Sequence number → the README the event set (the registration's README for 0). */
    private static Map<Long, String> events(String modelId) throws Exception {
        Map<Long, String> events = new TreeMap<>();
        try (Connection db = stack.openConnection(); PreparedStatement statement = db.prepareStatement(
                "SELECT sequence_number, convert_from(payload, 'UTF8') FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            statement.setString(1, modelId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    JsonNode payload = HubHttp.JSON.readTree(rows.getString(2));
                    events.put(rows.getLong(1), payload.path("readme").asText());
                }
            }
        }
        return events;
    }
}
