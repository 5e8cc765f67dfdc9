package io.xinference.hub.devstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue rebuilt from the whole event store through the query side's admin API
 * ({@code POST /api/admin/rebuilds/catalogue}), against two limits measured right after: a raw Elasticsearch
 * bulk load of the very documents the rebuild produced (one client, batches of 500, as the rebuild writes), and
 * the event store's own read rate (every row streamed over JDBC in global order).
 */
final class CatalogueRebuild {

    /** The rebuild as the query side reported it, and the two limits. */
    record Result(long events, long documents, double rebuildSeconds, double bulkSeconds, long storeRows,
                  double storeReadSeconds) {
        double rebuildEventsPerSecond() {
            return events / rebuildSeconds;
        }

        double rebuildDocumentsPerSecond() {
            return documents / rebuildSeconds;
        }

        double bulkDocumentsPerSecond() {
            return documents / bulkSeconds;
        }

        double storeRowsPerSecond() {
            return storeRows / storeReadSeconds;
        }
    }

    private static final int BULK_BATCH = 500;

    private final HubClient hub;
    private final BenchTokens tokens;
    private final Elasticsearch elasticsearch;
    private final RawEventInserts database;
    private final Path workDir;

    CatalogueRebuild(HubClient hub, BenchTokens tokens, Elasticsearch elasticsearch, RawEventInserts database,
                     Path workDir) {
        this.hub = hub;
        this.tokens = tokens;
        this.elasticsearch = elasticsearch;
        this.database = database;
        this.workDir = workDir;
    }

    Result run() throws Exception {
        JsonNode finished = rebuild();
        long events = finished.path("eventsTotal").asLong();
        double seconds = Duration.between(Instant.parse(finished.path("startedAt").asText()),
                Instant.parse(finished.path("finishedAt").asText())).toMillis() / 1000.0;
        String index = finished.path("newIndex").asText();
        Progress.say("rebuild done: %,d events in %.1f s into %s; exporting its documents for the raw bulk", events,
                seconds, index);
        List<Path> chunks = exportBulkChunks(index, index + "-raw");
        long documents = elasticsearch.get("/" + index + "/_count").path("count").asLong();
        double bulkSeconds = bulkLoad(index, index + "-raw", chunks);
        Progress.say("raw bulk: %,d documents in %.1f s", documents, bulkSeconds);
        long started = System.nanoTime();
        long rows = readWholeStore();
        double readSeconds = (System.nanoTime() - started) / 1e9;
        Progress.say("event store read: %,d rows in %.1f s", rows, readSeconds);
        return new Result(events, documents, seconds, bulkSeconds, rows, readSeconds);
    }

    private JsonNode rebuild() throws InterruptedException {
        String token = tokens.accessToken("adam");
        HttpRequest start = HttpRequest.newBuilder(URI.create(hub.queryUrl() + "/api/admin/rebuilds/catalogue"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> started = hub.get(start);
        if (started.statusCode() != 202) {
            throw new IllegalStateException("rebuild refused: " + started.statusCode() + " " + started.body());
        }
        String id = HubClient.read(started.body()).path("id").asText();
        while (true) {
            Thread.sleep(2000);
            HttpRequest poll = HttpRequest.newBuilder(URI.create(hub.queryUrl() + "/api/admin/rebuilds/" + id))
                    .header("Authorization", "Bearer " + tokens.accessToken("adam")).GET().build();
            JsonNode status = HubClient.read(hub.get(poll).body());
            String phase = status.path("phase").asText();
            Progress.say("  rebuild %s: %,d / %,d events, %,.0f events/s", phase, status.path("eventsDone").asLong(),
                    status.path("eventsTotal").asLong(), status.path("eventsPerSecond").asDouble());
            if (phase.equals("DONE")) {
                return status;
            }
            if (phase.equals("FAILED") || phase.equals("CANCELLED")) {
                throw new IllegalStateException("rebuild " + phase + ": " + status.path("error").asText());
            }
        }
    }

    /** The rebuilt index's documents as bulk bodies on disk, so the timed load reads no Elasticsearch. */
    private List<Path> exportBulkChunks(String index, String target) throws IOException {
        Path dir = Files.createTempDirectory(workDir, "raw-bulk");
        List<Path> chunks = new ArrayList<>();
        JsonNode page = elasticsearch.post("/" + index + "/_search?scroll=2m",
                "{\"size\":" + BULK_BATCH + ",\"sort\":[\"_doc\"]}");
        while (page.path("hits").path("hits").size() > 0) {
            StringBuilder body = new StringBuilder();
            for (JsonNode hit : page.path("hits").path("hits")) {
                body.append("{\"index\":{\"_index\":\"").append(target).append("\",\"_id\":")
                        .append(HubClient.JSON.writeValueAsString(hit.path("_id").asText())).append("}}\n")
                        .append(HubClient.JSON.writeValueAsString(hit.path("_source"))).append('\n');
            }
            Path chunk = dir.resolve("chunk-" + chunks.size() + ".ndjson");
            Files.writeString(chunk, body);
            chunks.add(chunk);
            page = elasticsearch.post("/_search/scroll",
                    "{\"scroll\":\"2m\",\"scroll_id\":\"" + page.path("_scroll_id").asText() + "\"}");
        }
        return chunks;
    }

    private double bulkLoad(String source, String target, List<Path> chunks) throws IOException {
        elasticsearch.delete("/" + target);
        JsonNode settings = elasticsearch.get("/" + source + "/_settings").path(source).path("settings").path("index");
        ObjectNode create = HubClient.JSON.createObjectNode();
        ObjectNode index = create.putObject("settings").putObject("index");
        index.set("number_of_shards", settings.path("number_of_shards"));
        index.put("number_of_replicas", 0);
        if (settings.has("analysis")) {
            index.set("analysis", settings.path("analysis"));
        }
        create.set("mappings", elasticsearch.get("/" + source + "/_mapping").path(source).path("mappings"));
        elasticsearch.put("/" + target, HubClient.JSON.writeValueAsString(create));
        // each chunk is read from disk just before it is sent (the files were just written: the page cache serves
        // them in a few milliseconds): a million events' documents held in memory at once overflowed the heap
        long started = System.nanoTime();
        for (Path chunk : chunks) {
            elasticsearch.bulk(Files.readString(chunk));
        }
        elasticsearch.post("/" + target + "/_refresh");
        double seconds = (System.nanoTime() - started) / 1e9;
        for (Path chunk : chunks) {
            Files.delete(chunk);
        }
        if (!chunks.isEmpty()) {
            Files.deleteIfExists(chunks.get(0).getParent());
        }
        elasticsearch.delete("/" + target);
        return seconds;
    }

    private long readWholeStore() throws SQLException {
        long rows = 0;
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT global_index, sequence_number, meta_data, payload, aggregate_identifier, event_identifier,"
                            + " payload_revision, payload_type, time_stamp, type FROM domain_event_entry"
                            + " ORDER BY global_index")) {
                select.setFetchSize(1000);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        result.getBytes(3);
                        result.getBytes(4);
                        result.getString(5);
                        rows++;
                    }
                }
            }
        }
        return rows;
    }
}
