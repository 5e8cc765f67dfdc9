package io.xinference.hub.query.it;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xinference.hub.devstack.HostileTokens;
import io.xinference.hub.devstack.TestServices;
import io.xinference.hub.query.catalogue.CatalogueDocument;
import io.xinference.hub.query.elasticsearch.DocumentReader;
import io.xinference.hub.query.elasticsearch.HubIndices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.util.Optional;

import static org.awaitility.Awaitility.await;

/**
 * One Spring context for every integration test of this module (same configuration → Spring's context cache),
 * against the real PostgreSQL and Elasticsearch that {@code ./hub test} started. Each test run gets its own
 * PostgreSQL schema (fresh event store, tokens and dead letters) and its own index prefix, so runs never see each
 * other's events or documents. Most tests call through MockMvc; the app also listens on a random port for those
 * that must go over HTTP ({@link #port}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
// metrics and tracing as in production (Spring's tests leave them out by default): MetricsIT scrapes them
@AutoConfigureObservability
@Import(EventStoreFixture.class)
public abstract class QuerySideITSupport {

    /** Unique per JVM (= per test run). */
    protected static final String RUN = LeftoverCleanup.newRun();
    protected static final Duration PROJECTION_WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        LeftoverCleanup.removeOldRuns();
        String schema = "it_" + RUN;
        registry.add("spring.datasource.url", () -> TestServices.jdbcUrl("hub_query_it") + "?currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> TestServices.DB_USER);
        registry.add("spring.datasource.password", () -> TestServices.DB_PASSWORD);
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.default-schema", () -> schema);
        registry.add("spring.elasticsearch.uris", TestServices::elasticsearchUrl);
        registry.add("hub.elasticsearch.index-prefix", () -> "it-" + RUN + "-");
        registry.add("hub.security.issuer-uri", TestServices::issuerUri);
        // the realm's real keys plus a test key, so HostileTokensIT reaches the claim checks (see HostileTokens)
        registry.add("hub.security.jwk-set-uri", () -> HostileTokens.forTestServices().jwkSetUri());
        registry.add("hub.ui.issuer-uri", TestServices::issuerUri);
    }

    /** A spy so a test can make reads fail for one model (a poison event) while everything else runs for real. */
    @MockitoSpyBean
    protected DocumentReader documentReader;

    @Autowired
    protected MockMvc mvc;
    @org.springframework.boot.test.web.server.LocalServerPort
    protected int port;
    @Autowired
    protected EventStoreFixture events;
    @Autowired
    protected ElasticsearchClient elasticsearch;
    @Autowired
    protected HubIndices indices;
    @Autowired
    protected ObjectMapper objectMapper;

    protected Optional<CatalogueDocument> catalogueDocument(String modelId) {
        return elasticsearchGet(indices.catalogue(), modelId, CatalogueDocument.class);
    }

    protected <T> Optional<T> elasticsearchGet(String index, String id, Class<T> type) {
        try {
            var response = elasticsearch.get(g -> g.index(index).id(id), type);
            return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Waits until the catalogue holds {@code modelId} at {@code version} (or later), then refreshes the indices so
     * searches see it too (a real-time GET sees a write at once, a search only after the next refresh).
     */
    protected CatalogueDocument awaitCatalogue(String modelId, long version) {
        CatalogueDocument document = await().atMost(PROJECTION_WAIT).until(
                () -> catalogueDocument(modelId).orElse(null),
                found -> found != null && found.version() >= version);
        refreshIndices();
        return document;
    }

    protected void refreshIndices() {
        try {
            elasticsearch.indices().refresh(r -> r.index(indices.catalogue(), indices.reviewQueue(),
                    indices.auditTrail()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    protected JsonNode json(String body) throws Exception {
        return objectMapper.readTree(body);
    }
}
