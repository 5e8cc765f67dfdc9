package io.xinference.hub.query.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.devstack.Fixtures;
import io.xinference.hub.devstack.PrometheusScrape;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.query.catalogue.CatalogueDocument;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What Prometheus scrapes from {@code /actuator/prometheus} (the registry as configured for production:
 * {@link QuerySideITSupport} asks for it with {@code @AutoConfigureObservability}): a processor that falls behind shows as lag, a parked event as a dead-letter
 * count, next to Spring's request and connection-pool meters and Axon's per-processor meters.
 */
class MetricsIT extends QuerySideITSupport {

    private static final Actor OWNER = new Actor("metrics-owner-" + RUN, "mona");

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aProcessorThatFallsBehindShowsAsLagUntilItCatchesUp() throws Exception {
        StreamingEventProcessor reviewQueue = processing.eventProcessor("review-queue", StreamingEventProcessor.class)
                .orElseThrow();
        EventStoreFixture.Model model = model("lagging");
        reviewQueue.shutDown();
        try {
            events.register(model, definition(model), ModelStatus.DRAFT, null);
            events.updateReadme(model, "a second event behind");
            await().atMost(PROJECTION_WAIT).until(() ->
                    value("hub_projection_lag_events", Map.of("group", "review-queue")).orElse(0) >= 2
                            && value("hub_projection_lag_seconds", Map.of("group", "review-queue")).orElse(0) > 0);
            // the other projections kept up with the same events
            awaitCatalogue(model.id(), 1);
            await().atMost(PROJECTION_WAIT).until(() ->
                    value("hub_projection_lag_events", Map.of("group", "catalogue")).orElse(-1) == 0);
            assertThat(value("hub_processor_segments_owned", Map.of("processor", "review-queue"))).hasValue(0);
        } finally {
            reviewQueue.start();
        }
        await().atMost(PROJECTION_WAIT).until(() ->
                value("hub_projection_lag_events", Map.of("group", "review-queue")).orElse(-1) == 0
                        && value("hub_projection_lag_seconds", Map.of("group", "review-queue")).orElse(-1) == 0);
        await().atMost(PROJECTION_WAIT).until(() ->
                value("hub_processor_segments_owned", Map.of("processor", "review-queue")).orElse(0) == 2);
    }

    @Test
    void aParkedEventIsCountedAsADeadLetterUntilARetryAppliesIt() throws Exception {
        Map<String, String> catalogue = Map.of("processor", "catalogue");
        double before = value("hub_processor_dead_letters", catalogue).orElseThrow();
        EventStoreFixture.Model poison = model("poison");
        doThrow(new IllegalStateException("simulated poison")).when(documentReader)
                .find(eq(indices.catalogue()), eq(poison.id()), eq(CatalogueDocument.class));
        try {
            events.register(poison, definition(poison), ModelStatus.APPROVED, null);
            events.updateReadme(poison, "parked behind the first");
            await().atMost(PROJECTION_WAIT).until(() -> value("hub_processor_dead_letters", catalogue)
                    .orElse(0) == before + 2);
            assertThat(value("hub_processor_error", catalogue)).hasValue(0);
        } finally {
            doCallRealMethod().when(documentReader).find(any(), any(), any());
        }
        // this model's letters only: other tests of the shared store leave letters parked for good (DeadLetterIT)
        processing.sequencedDeadLetterProcessor("catalogue").orElseThrow().process(letter ->
                letter.message() instanceof DomainEventMessage<?> event
                        && poison.id().equals(event.getAggregateIdentifier()));
        await().atMost(PROJECTION_WAIT).until(() -> value("hub_processor_dead_letters", catalogue)
                .orElse(-1) == before);
    }

    @Test
    void requestsConnectionPoolsAndAxonProcessorsAreMeasured() throws Exception {
        mvc.perform(get("/api/catalogue/models"));
        String scrape = scrape();
        // kept for whoever writes dashboards: every series name and label this app exports
        Files.writeString(Path.of("target", "metrics-scrape.txt"), scrape);
        assertThat(value(scrape, "http_server_requests_seconds_count", Map.of("uri", "/api/catalogue/models"))
                .orElse(0)).isPositive();
        assertThat(value(scrape, "hikaricp_connections_max", Map.of())).isPresent();
        assertThat(value(scrape, "hub_processor_segments_owned", Map.of("processor", "catalogue"))).hasValue(2);
        assertThat(scrape).contains("application=\"query-side\"");
        // Axon's own meters (axon-micrometer), one series per processor rather than per message type
        assertThat(scrape).containsPattern("(?m)^eventProcessor_[A-Za-z_]+\\{.*processorName=\"catalogue\"");
    }

    private String scrape() throws Exception {
        return mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
    }

    private OptionalDouble value(String name, Map<String, String> tags) throws Exception {
        return value(scrape(), name, tags);
    }

    static OptionalDouble value(String scrape, String name, Map<String, String> labels) {
        return new PrometheusScrape(scrape).value(name, labels);
    }

    private static EventStoreFixture.Model model(String name) {
        return EventStoreFixture.model("metrics-" + name + "-" + RUN, ModelType.RERANK, Visibility.PUBLIC, OWNER);
    }

    private static ObjectNode definition(EventStoreFixture.Model m) {
        ObjectNode definition = Fixtures.definition("rerank");
        definition.put("model_name", m.name());
        return definition;
    }
}
