package io.xinference.hub.faults.services;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A steady write load on command-side, as clients would send it: each writer registers a model (with an
 * Idempotency-Key) and then updates its README twice with If-Match, then starts over with a new model, after a
 * think time. Every call and its answer is kept, so a test can check afterwards that nothing acknowledged went missing.
 */
final class WriteLoad implements AutoCloseable {

    enum Kind { REGISTER, UPDATE }

    /** One call: what was sent and what came back. {@code version} is the acknowledged version (or -1). */
    record Sent(Kind kind, String modelId, String modelName, String idempotencyKey, Instant sentAt,
                HubHttp.Answer answer, long version) {
    }

    private final HubHttp http;
    private final String commandUrl;
    private final Supplier<String> token;
    private final String namePrefix;
    private final int writers;
    private final int updatesPerModel;
    private final Duration thinkTime;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Map<String, Long> acked = new ConcurrentHashMap<>();
    private ExecutorService pool;

    /** {@code thinkTime}: each writer's pause between two calls (a client's think time; it sets the rate). */
    WriteLoad(HubHttp http, String commandUrl, Supplier<String> token, String namePrefix, int writers,
              int updatesPerModel, Duration thinkTime) {
        this.thinkTime = thinkTime;
        this.http = http;
        this.commandUrl = commandUrl;
        this.token = token;
        this.namePrefix = namePrefix;
        this.writers = writers;
        this.updatesPerModel = updatesPerModel;
    }

    WriteLoad start() {
        running.set(true);
        pool = Executors.newFixedThreadPool(writers);
        for (int writer = 0; writer < writers; writer++) {
            int number = writer;
            pool.submit(() -> write(number));
        }
        return this;
    }

    private void write(int writer) {
        for (int model = 0; running.get(); model++) {
            String name = namePrefix + "-" + writer + "-" + model;
            String key = UUID.randomUUID().toString();
            think();
            Instant at = Instant.now();
            HubHttp.Answer registered = http.register(commandUrl, token.get(), name, key);
            String modelId = registered.status() == 201 ? registered.body().path("modelId").asText() : null;
            record(new Sent(Kind.REGISTER, modelId, name, key, at, registered, modelId != null ? 0 : -1));
            if (modelId == null) {
                pause(registered);
                continue;
            }
            long version = 0;
            for (int update = 0; update < updatesPerModel && running.get(); update++) {
                think();
                at = Instant.now();
                HubHttp.Answer updated = http.updateReadme(commandUrl, token.get(), modelId, version,
                        "# " + name + "\n\nupdate " + (update + 1) + "\n");
                if (!updated.ok()) {
                    record(new Sent(Kind.UPDATE, modelId, name, null, at, updated, -1));
                    pause(updated);
                    break;
                }
                version = updated.body().path("version").asLong();
                record(new Sent(Kind.UPDATE, modelId, name, null, at, updated, version));
            }
        }
    }

    private void think() {
        try {
            Thread.sleep(thinkTime.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A refused call is not retried at once: a client honouring Retry-After would wait; we wait a little. */
    private static void pause(HubHttp.Answer answer) {
        try {
            Thread.sleep(answer.status() == 503 ? 500 : 100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void record(Sent call) {
        sent.add(call);
        if (call.version() >= 0) {
            acked.merge(call.modelId(), call.version(), Math::max);
        }
    }

    void stop() {
        running.set(false);
        if (pool != null) {
            pool.shutdown();
            try {
                if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    List<Sent> sent() {
        return new ArrayList<>(sent);
    }

    /** The highest acknowledged version per model id. */
    Map<String, Long> ackedVersions() {
        return Map.copyOf(acked);
    }

    static long count(List<Sent> calls, java.util.function.Predicate<Sent> which) {
        return calls.stream().filter(which).count();
    }

    static Duration between(Instant from, Instant to) {
        return Duration.between(from, to);
    }

    @Override
    public void close() {
        stop();
    }
}
