package io.xinference.hub.query.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.devstack.Fixtures;
import io.xinference.hub.devstack.TestServices;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.query.catalogue.CatalogueDocument;
import io.xinference.hub.query.elasticsearch.DocumentReader;
import io.xinference.hub.query.elasticsearch.HubIndices;
import io.xinference.hub.query.it.EventStoreFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;

/**
 * Requests/s for the 160-entry LLM download, against the same bytes served as a static file by the same server
 * (Tomcat + Spring MVC's resource handler), in one run. Not part of the test suite (no *Test / *IT name); run:
 * <pre>
 * eval "$(./hub test-env)"
 * ./mvnw -q -pl query-side -am -DskipUi verify -Dtest=NoUnit -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=DownloadBenchmark -Dbench.seconds=10 -Dbench.clients=4
 * </pre>
 * Figures go to standard output and {@code target/download-benchmark.txt}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({EventStoreFixture.class, DownloadBenchmark.StaticCopy.class})
class DownloadBenchmark {

    static final String RUN = Long.toString(java.time.Instant.now().getEpochSecond(), 36) + UUID.randomUUID().toString().substring(0, 4);
    static final Path STATIC_DIR = Path.of(System.getProperty("java.io.tmpdir"), "hub-bench-" + RUN);
    static final int ENTRIES = 160;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        String schema = "bench_" + RUN;
        registry.add("spring.datasource.url", () -> TestServices.jdbcUrl("hub_query_it") + "?currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> TestServices.DB_USER);
        registry.add("spring.datasource.password", () -> TestServices.DB_PASSWORD);
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.default-schema", () -> schema);
        registry.add("spring.elasticsearch.uris", TestServices::elasticsearchUrl);
        registry.add("hub.elasticsearch.index-prefix", () -> "bench-" + RUN + "-");
        registry.add("hub.security.issuer-uri", TestServices::issuerUri);
        registry.add("logging.level.root", () -> "WARN");
    }

    /** The same bytes as a plain static file, served by the same Tomcat and Spring MVC. */
    @TestConfiguration
    static class StaticCopy implements WebMvcConfigurer {
        @Override
        public void addResourceHandlers(ResourceHandlerRegistry registry) {
            registry.addResourceHandler("/bench-static/**").addResourceLocations(STATIC_DIR.toUri().toString());
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStoreFixture events;
    @Autowired
    DocumentReader reader;
    @Autowired
    HubIndices indices;

    @Test
    void downloadVersusStaticFile() throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 10);
        int clients = Integer.getInteger("bench.clients", 4);
        Actor owner = new Actor("bench-owner", "bench");
        List<EventStoreFixture.Model> models = new ArrayList<>();
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < ENTRIES; i++) {
            EventStoreFixture.Model m = EventStoreFixture.model(String.format("bench-llm-%03d-%s", i, RUN),
                    ModelType.LLM, Visibility.PUBLIC, owner);
            ObjectNode definition = Fixtures.definition("llm");
            definition.put("model_name", m.name());
            // distinct text per entry, so size (~1.3 MB, like the real list) and gzip ratio resemble real data
            definition.put("model_description", randomText(random, 3000));
            events.register(m, definition, ModelStatus.APPROVED, null);
            models.add(m);
        }
        for (EventStoreFixture.Model m : models) {
            await().atMost(Duration.ofMinutes(2)).until(() -> reader.find(indices.catalogue(), m.id(),
                    CatalogueDocument.class).isPresent());
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI download = URI.create("http://127.0.0.1:" + port + "/api/models/download?model_type=llm");
        byte[] body = http.send(HttpRequest.newBuilder(download).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        Files.createDirectories(STATIC_DIR);
        Files.write(STATIC_DIR.resolve("llm_models.json"), body);
        URI staticFile = URI.create("http://127.0.0.1:" + port + "/bench-static/llm_models.json");
        byte[] staticBody = http.send(HttpRequest.newBuilder(staticFile).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        if (staticBody.length != body.length) {
            throw new IllegalStateException("static copy differs: " + staticBody.length + " vs " + body.length);
        }

        StringBuilder report = new StringBuilder(String.format(
                "LLM download: %d entries, %d bytes (gzip %d); %d client threads, %d s per case, same JVM as the server%n",
                ENTRIES, body.length, gzipLength(http, download), clients, seconds));
        // interleaved and repeated, so drift on a shared machine hits both cases alike
        for (int round = 1; round <= 2; round++) {
            report.append(line("download (prepared body)", measure(http, download, null, clients, seconds)));
            report.append(line("static file, same bytes", measure(http, staticFile, null, clients, seconds)));
            report.append(line("download, gzip", measure(http, download, "gzip", clients, seconds)));
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "download-benchmark.txt"), report.toString());
    }

    private static String randomText(java.util.Random random, int length) {
        String[] words = {"model", "reasoning", "chat", "tokens", "context", "quantized", "weights", "instruct",
                "benchmark", "multilingual", "vision", "tool", "latency", "throughput", "license", "dataset"};
        StringBuilder text = new StringBuilder(length + 16);
        while (text.length() < length) {
            text.append(words[random.nextInt(words.length)]).append(random.nextInt(100000)).append(' ');
        }
        return text.toString();
    }

    private static long gzipLength(HttpClient http, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray()).body().length;
    }

    private static String line(String label, double perSecond) {
        return String.format("%-28s %8.0f requests/s%n", label, perSecond);
    }

    /** Closed loop: each client sends its next request when the previous answer is read in full. */
    private static double measure(HttpClient http, URI uri, String encoding, int clients, int seconds) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        if (encoding != null) {
            builder.header("Accept-Encoding", encoding);
        }
        HttpRequest request = builder.build();
        run(http, request, clients, Duration.ofSeconds(2));                        // warm-up
        long start = System.nanoTime();
        long count = run(http, request, clients, Duration.ofSeconds(seconds));
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static long run(HttpClient http, HttpRequest request, int clients, Duration duration) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                results.add(pool.submit(() -> {
                    long done = 0;
                    while (!stop.get()) {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("HTTP " + response.statusCode());
                        }
                        done++;
                    }
                    return done;
                }));
            }
            Thread.sleep(duration.toMillis());
            stop.set(true);
            long total = 0;
            for (Future<Long> result : results) {
                total += result.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }
}
