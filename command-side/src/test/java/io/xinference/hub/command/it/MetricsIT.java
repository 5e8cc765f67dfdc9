package io.xinference.hub.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.devstack.PrometheusScrape;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Prometheus scrapes from the command side's {@code /actuator/prometheus} ({@link CommandSideIT} configures
 * metrics and tracing as in production): commands by type and outcome, events appended, the outbox's backlog,
 * requests and the connection pool; and the trace context every event carries to the projections.
 */
class MetricsIT extends CommandSideIT {

    @Test
    void commandsAreCountedByOutcomeAndEventsAsAppended() throws Exception {
        PrometheusScrape before = scrape();
        Api.Answer registered = register("alice", "rerank", "PRIVATE", fixtureNamed("rerank", uniqueName("metrics")));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String id = registered.body().path("modelId").asText();
        // nothing to withdraw: the aggregate refuses the command
        Api.Answer refused = api().call("DELETE", "/api/registry/models/" + id + "/submission").token(token("alice"))
                .send();
        assertThat(refused.status()).as(refused.toString()).isBetween(400, 499);

        PrometheusScrape after = scrape();
        Files.writeString(Path.of("target", "metrics-scrape.txt"), after.text());
        assertThat(increase(before, after, "commandBus_successCounter_total", Map.of("payloadType", "RegisterModel")))
                .isGreaterThanOrEqualTo(1);
        assertThat(increase(before, after, "commandBus_failureCounter_total",
                Map.of("payloadType", "WithdrawSubmission"))).isGreaterThanOrEqualTo(1);
        assertThat(increase(before, after, "eventStore_ingestedCounter_total", Map.of())).isGreaterThanOrEqualTo(1);
        // latency without client-side percentiles, and no timer per outcome (the counters have it): cheap to keep
        assertThat(after.value("commandBus_allTimer_seconds_count", Map.of("payloadType", "RegisterModel")))
                .isPresent();
        assertThat(after.text()).doesNotContain("quantile=", "commandBus_successTimer");
        assertThat(after.sum("http_server_requests_seconds_count", Map.of("uri", "/api/registry/models")))
                .isPositive();
        assertThat(after.value("hikaricp_connections_max", Map.of())).isPresent();
        for (String feature : List.of("mail", "webhook", "repository-sync")) {
            assertThat(after.value("hub_outbox_pending", Map.of("feature", feature))).as(feature).isPresent();
            assertThat(after.value("hub_outbox_due", Map.of("feature", feature))).as(feature).isPresent();
        }
        assertThat(after.value("hub_processor_segments_owned", Map.of())).isPresent();
    }

    @Test
    void everyEventCarriesTheTraceContextAndTheCorrelationIdOfItsRequest() throws Exception {
        Api.Answer registered = api().call("POST", "/api/registry/models").token(token("alice"))
                .header("X-Correlation-Id", "metrics-trace-1")
                .json(registration("rerank", "PRIVATE", fixtureNamed("rerank", uniqueName("traced")))).send();
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String json = jdbc.queryForObject("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND sequence_number = 0", String.class,
                registered.body().path("modelId").asText());
        JsonNode metadata = Api.JSON.readTree(json);
        assertThat(metadata.path("correlationId").asText()).isEqualTo("metrics-trace-1");
        // W3C trace context: the projections' spans continue this trace (MicrometerSpanFactory)
        assertThat(metadata.path("traceparent").asText()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    private PrometheusScrape scrape() {
        Api.Answer answer = api().call("GET", "/actuator/prometheus").send();
        assertThat(answer.status()).isEqualTo(200);
        return new PrometheusScrape(answer.response().body());
    }

    private static double increase(PrometheusScrape before, PrometheusScrape after, String name,
                                   Map<String, String> labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
