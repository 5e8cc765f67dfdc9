package io.xinference.hub.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xinference.hub.devstack.TestServices;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes what earlier test runs left in a long-lived {@code ./hub test-env} (one schema and four indices per run;
 * Elasticsearch caps shards per node): schemas and indices whose run started more than {@link #MAX_AGE} ago.
 * Run names start with the run's start time in epoch seconds, base 36, so age needs no bookkeeping.
 */
final class LeftoverCleanup {

    static final Duration MAX_AGE = Duration.ofHours(6);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LeftoverCleanup() {
    }

    /** A run name: start time (epoch seconds, base 36) and a random part. */
    static String newRun() {
        return Long.toString(Instant.now().getEpochSecond(), 36) + Long.toString((long) (Math.random() * 36 * 36 * 36 * 36), 36);
    }

    static boolean old(String run) {
        try {
            long started = Long.parseLong(run.substring(0, 6), 36);
            return Instant.ofEpochSecond(started).isBefore(Instant.now().minus(MAX_AGE));
        } catch (RuntimeException e) {
            return false;
        }
    }

    static void removeOldRuns() {
        try {
            removeOldIndices();
            removeOldSchemas();
        } catch (Exception e) {
            System.err.println("[query-side ITs] could not remove old test data: " + e);
        }
    }

    private static void removeOldIndices() throws Exception {
        String es = TestServices.elasticsearchUrl();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(es
                + "/_cat/indices/it-*,bench-*?format=json&h=index")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return;
        }
        List<String> old = new ArrayList<>();
        for (JsonNode index : new ObjectMapper().readTree(response.body())) {
            String name = index.path("index").asText();
            String run = name.substring(name.indexOf('-') + 1);
            if (old(run)) {
                old.add(name);
            }
        }
        for (String name : old) {
            HTTP.send(HttpRequest.newBuilder(URI.create(es + "/" + name)).DELETE().timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    private static void removeOldSchemas() throws Exception {
        try (Connection connection = DriverManager.getConnection(TestServices.jdbcUrl("hub_query_it"),
                TestServices.DB_USER, TestServices.DB_PASSWORD); Statement statement = connection.createStatement()) {
            List<String> old = new ArrayList<>();
            try (ResultSet schemas = statement.executeQuery(
                    "select nspname from pg_namespace where nspname like 'it\\_%' or nspname like 'bench\\_%'")) {
                while (schemas.next()) {
                    String schema = schemas.getString(1);
                    if (old(schema.substring(schema.indexOf('_') + 1))) {
                        old.add(schema);
                    }
                }
            }
            for (String schema : old) {
                statement.execute("drop schema if exists \"" + schema + "\" cascade");
            }
        }
    }
}
