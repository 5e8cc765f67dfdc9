package io.xinference.hub.faults.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.devstack.TestServiceControl;
import io.xinference.hub.devstack.TestServiceControl.Service;
import io.xinference.hub.faults.apps.HubApp;
import io.xinference.hub.faults.apps.HubAppProcess;
import io.xinference.hub.faults.apps.HubStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Elasticsearch stops for 60 s while clients keep writing. The command side does not need it: every command
 * is answered 2xx. The projections stop advancing (their batches fail and are retried, not dead-lettered), the
 * admin view reports the growing lag, and once Elasticsearch is back the catalogue catches up with every
 * acknowledged version by itself. While it is down, the query API answers a search at once with a 503 problem and
 * {@code Retry-After}, Xinference's download keeps serving its last good body, and {@code /actuator/health} names
 * Elasticsearch as what is down. Elasticsearch is started again even when the test fails.
 */
class ElasticsearchOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(3);
    private static final String[] GROUPS = {"catalogue", "review-queue", "audit-trail"};

    private static final TestServiceControl SERVICES = TestServiceControl.forTestServices();
    private static HubStack stack;
    private static HubAppProcess command;
    private static HubAppProcess query;
    private final HubHttp http = new HubHttp();

    @BeforeAll
    static void startHub() {
        stack = HubStack.create("es_outage");
        command = stack.start(HubApp.COMMAND_SIDE, "command");
        query = stack.start(HubApp.QUERY_SIDE, "query");
    }

    @AfterAll
    static void stopHub() {
        try {
            SERVICES.start(Service.ELASTICSEARCH);
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    record LagSample(Instant at, long eventsBehind, double seconds) {
    }

    @Test
    void commandsKeepSucceedingWhileElasticsearchIsDownAndTheProjectionsCatchUpAfterwards() {
        Projections projections = new Projections(http, query.baseUrl(), stack.indexPrefix());
        List<LagSample> lag = new CopyOnWriteArrayList<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleWithFixedDelay(() -> {
            try {
                JsonNode catalogue = Projections.group(projections.status(stack.tokens().accessToken("adam")),
                        "catalogue").path("lag");
                lag.add(new LagSample(Instant.now(), catalogue.path("eventsBehind").asLong(),
                        catalogue.path("oldestUnprojectedSeconds").asDouble()));
            } catch (RuntimeException e) {
                // the sample is skipped; the assertions below say what matters
            }
        }, 0, 2, TimeUnit.SECONDS);

        WriteLoad load = new WriteLoad(http, command.baseUrl(), () -> stack.tokens().accessToken("alice"),
                "es-outage", 3, 2, Duration.ofMillis(100)).start();
        Instant down;
        Instant up;
        HubHttp.Answer search;
        HubHttp.Answer download;
        HubHttp.Answer health;
        HubHttp.Answer lastGoodDownload;
        try {
            Projections.sleep(Duration.ofSeconds(10));
            lastGoodDownload = http.get(query.baseUrl() + "/api/models/download?model_type=llm", null);
            SERVICES.stop(Service.ELASTICSEARCH);
            down = Instant.now();
            Projections.sleep(Duration.ofSeconds(5));
            search = http.get(query.baseUrl() + "/api/catalogue/models?q=outage", stack.tokens().accessToken("bob"));
            download = http.get(query.baseUrl() + "/api/models/download?model_type=llm", null);
            health = http.get(query.baseUrl() + "/actuator/health", null);
            Projections.sleep(OUTAGE.minusSeconds(5));
            SERVICES.start(Service.ELASTICSEARCH);
            up = Instant.now();
            Projections.sleep(Duration.ofSeconds(10));
        } finally {
            load.stop();
        }
        List<WriteLoad.Sent> sent = load.sent();
        Map<String, Long> acked = load.ackedVersions();
        Instant downAt = down;
        Instant upAt = up;
        long duringOutage = WriteLoad.count(sent, s -> s.answer().ok() && !s.sentAt().isBefore(downAt)
                && s.sentAt().isBefore(upAt));
        List<WriteLoad.Sent> failed = sent.stream().filter(s -> !s.answer().ok()).toList();

        Instant caughtUp = null;
        long missing = -1;
        while (Instant.now().isBefore(up.plus(CATCH_UP_LIMIT))) {
            missing = projections.missing(acked);
            if (missing == 0) {
                caughtUp = Instant.now();
                break;
            }
            Projections.sleep(Duration.ofSeconds(1));
        }
        Projections.sleep(Duration.ofSeconds(3));
        sampler.shutdownNow();
        JsonNode status = projections.status(stack.tokens().accessToken("adam"));
        LagSample worst = lag.stream().max((a, b) -> Double.compare(a.seconds(), b.seconds())).orElse(null);
        JsonNode finalLag = Projections.group(status, "catalogue").path("lag");

        System.out.printf("%n[ElasticsearchOutageIT] commands sent %d, acknowledged %d (%d while Elasticsearch was"
                        + " down), failed %d, models %d; Elasticsearch down %d s (%d s stopped, then %d s to start);"
                        + " catalogue caught up %s after Elasticsearch was back; worst reported lag %s; final lag"
                        + " %s; %d lag samples%n%n",
                sent.size(), sent.size() - failed.size(), duringOutage, failed.size(), acked.size(),
                Duration.between(down, up).toSeconds(), OUTAGE.toSeconds(),
                Duration.between(down, up).minus(OUTAGE).toSeconds(),
                caughtUp == null ? "NOT (" + missing + " versions missing)" : Duration.between(up, caughtUp),
                worst == null ? "none" : worst.eventsBehind() + " events / " + worst.seconds() + " s",
                finalLag, lag.size());

        System.out.printf("[ElasticsearchOutageIT] while down: search %d in %d ms (Retry-After %s), download %d in"
                        + " %d ms, health %d: %s%n%n", search.status(), search.millis(), search.header("Retry-After"),
                download.status(), download.millis(), health.status(), health.body().path("components"));
        assertThat(search.status()).as("a search while Elasticsearch is down: " + search).isEqualTo(503);
        assertThat(search.contentType()).contains("application/problem+json");
        assertThat(search.header("Retry-After")).as("when to try again").isNotBlank();
        assertThat(search.millis()).as("answered at once, no thread held").isLessThan(1000);
        assertThat(lastGoodDownload.status()).isEqualTo(200);
        assertThat(download.status()).as("Xinference's download keeps its last good body").isEqualTo(200);
        assertThat(download.response().body()).isEqualTo(lastGoodDownload.response().body());
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body().path("components").path("elasticsearch").path("status").asText())
                .as("health says what is down").isEqualTo("DOWN");
        assertThat(health.body().path("components").path("db").path("status").asText())
                .as("and what is not").isEqualTo("UP");
        assertThat(failed).as("commands answered other than 2xx").isEmpty();
        assertThat(duringOutage).as("commands acknowledged while Elasticsearch was down").isPositive();
        assertThat(caughtUp).as("every acknowledged version in the catalogue within " + CATCH_UP_LIMIT
                + " of Elasticsearch's return (" + missing + " missing)").isNotNull();
        assertThat(worst).as("lag samples").isNotNull();
        assertThat(worst.seconds()).as("the lag the admin view reported during the outage").isGreaterThan(30);
        assertThat(worst.eventsBehind()).isPositive();
        assertThat(finalLag.path("eventsBehind").asLong()).as("lag after catching up").isZero();
        for (String group : GROUPS) {
            JsonNode projection = Projections.group(status, group);
            assertThat(projection.path("parkedSequences").asLong()).as(group + ": an outage is not a poison event")
                    .isZero();
            assertThat(projection.path("running").asBoolean()).as(group + " running").isTrue();
        }
    }
}
