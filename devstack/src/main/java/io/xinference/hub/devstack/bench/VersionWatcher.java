package io.xinference.hub.devstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Notices when the catalogue documents reach the versions commands answered with: every 50 ms one real-time
 * multi-get for all models still waiting (the same real-time read the detail page does), so watching costs
 * the stack one request per tick however many commands are outstanding.
 */
final class VersionWatcher implements AutoCloseable {

    private static final long TICK_MILLIS = 50;

    private record Waiting(String modelId, long version, long answeredAt) {
    }

    private final Elasticsearch elasticsearch;
    private final String alias;
    private final Latencies lag;
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

    VersionWatcher(Elasticsearch elasticsearch, String alias, Latencies lag) {
        this.elasticsearch = elasticsearch;
        this.alias = alias;
        this.lag = lag;
        ticker.scheduleWithFixedDelay(this::check, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The command on {@code modelId} answered {@code version} at {@code answeredAt} (System.nanoTime). */
    void await(String modelId, long version, long answeredAt) {
        waiting.put(modelId + "@" + version, new Waiting(modelId, version, answeredAt));
    }

    int outstanding() {
        return waiting.size();
    }

    private void check() {
        if (waiting.isEmpty()) {
            return;
        }
        try {
            ObjectNode request = HubClient.JSON.createObjectNode();
            ArrayNode ids = request.putArray("ids");
            waiting.values().stream().map(Waiting::modelId).distinct().forEach(ids::add);
            JsonNode answer = elasticsearch.post("/" + alias + "/_mget?realtime=true&_source_includes=version",
                    HubClient.JSON.writeValueAsString(request));
            long now = System.nanoTime();
            Map<String, Long> versions = new java.util.HashMap<>();
            for (JsonNode doc : answer.path("docs")) {
                if (doc.path("found").asBoolean()) {
                    versions.put(doc.path("_id").asText(), doc.path("_source").path("version").asLong(-1));
                }
            }
            waiting.forEach((key, entry) -> {
                if (versions.getOrDefault(entry.modelId(), -1L) >= entry.version() && waiting.remove(key, entry)) {
                    lag.record(now - entry.answeredAt());
                }
            });
        } catch (Exception e) {
            Progress.say("version watcher: %s", e);
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
