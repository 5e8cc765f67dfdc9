package io.xinference.hub.devstack.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Commands at a steady rate (open loop: the next one goes out on time whether or not earlier ones answered), and
 * for each the time from the command's answer until the query side shows that version: the detail with
 * {@code minVersion} (which waits on the server), and for a sample of registrations, a search that finds the name.
 */
final class ProjectionLag {

    /** What the steady load achieved and how far the read side was behind. */
    record Result(int targetRate, double achievedRate, long commands, long failures, Latencies commandLatency,
                  Latencies detailLag, Latencies searchLag, long staleDetails) {
    }

    private static final int SEARCH_SAMPLE_EVERY = 20;
    private static final long SEARCH_POLL_MILLIS = 100;

    private final HubClient hub;
    private final BenchTokens tokens;
    private final String run;
    private final Queue<OwnedModel> idle = new ConcurrentLinkedQueue<>();

    ProjectionLag(HubClient hub, BenchTokens tokens, String run, List<OwnedModel> existing) {
        this.hub = hub;
        this.tokens = tokens;
        this.run = run;
        this.idle.addAll(existing);
    }

    Result run(int rate, int seconds) throws InterruptedException {
        Latencies commandLatency = new Latencies();
        Latencies detailLag = new Latencies();
        Latencies searchLag = new Latencies();
        AtomicLong sent = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicLong stale = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger registrations = new AtomicInteger();
        ScheduledExecutorService ticker = Executors.newScheduledThreadPool(2);
        Random random = new Random(7);
        long total = (long) rate * seconds;
        long started = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            if (sent.get() >= total) {
                return;
            }
            sent.incrementAndGet();
            inFlight.incrementAndGet();
            issue(random, registrations, commandLatency, detailLag, searchLag, failures, stale, ticker)
                    .whenComplete((ignored, error) -> inFlight.decrementAndGet());
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        while (sent.get() < total) {
            Thread.sleep(1000);
            Progress.say("  lag: %,d / %,d commands sent, %d in flight, detail lag %s", sent.get(), total,
                    inFlight.get(), detailLag.summary());
        }
        double achieved = total / ((System.nanoTime() - started) / 1e9);
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (inFlight.get() > 0 && System.nanoTime() < waitUntil) {
            Thread.sleep(200);
        }
        ticker.shutdownNow();
        return new Result(rate, achieved, total, failures.get(), commandLatency, detailLag, searchLag, stale.get());
    }

    private CompletableFuture<Void> issue(Random random, AtomicInteger registrations, Latencies commandLatency,
                                          Latencies detailLag, Latencies searchLag, AtomicLong failures,
                                          AtomicLong stale, ScheduledExecutorService ticker) {
        OwnedModel model = random.nextInt(3) == 0 ? null : idle.poll();
        String owner = model != null ? model.owner : CommandMix.OWNERS[random.nextInt(CommandMix.OWNERS.length)];
        String token = tokens.accessToken(owner);
        int registration = model == null ? registrations.incrementAndGet() : -1;
        String name = model != null ? model.name : "bench-" + run + "-lag-" + registration;
        long began = System.nanoTime();
        CompletableFuture<HubClient.Change> command = model == null
                ? hub.sendAsync(hub.registration(token, "PRIVATE", HubClient.llmDefinition(name, random, 600)))
                : hub.sendAsync(hub.definitionUpdate(token, model.id, HubClient.llmDefinition(name, random, 600)));
        return command.thenCompose(answer -> {
            long answered = System.nanoTime();
            commandLatency.record(answered - began);
            if (!answer.ok()) {
                failures.incrementAndGet();
                if (model != null) {
                    idle.add(model);
                }
                return CompletableFuture.completedFuture(null);
            }
            if (registration > 0 && registration % SEARCH_SAMPLE_EVERY == 0) {
                pollSearch(token, name, answered, searchLag, ticker);
            }
            return hub.detailAsync(token, answer.modelId(), answer.version()).thenAccept(detail -> {
                detailLag.record(System.nanoTime() - answered);
                if (detail.path("stale").asBoolean(false)) {
                    stale.incrementAndGet();
                }
                OwnedModel done = model != null ? model : new OwnedModel(owner, answer.modelId(), name, answer.version());
                done.version = answer.version();
                idle.add(done);
            });
        }).exceptionally(error -> {
            failures.incrementAndGet();
            return null;
        });
    }

    private void pollSearch(String token, String name, long answered, Latencies searchLag,
                            ScheduledExecutorService ticker) {
        hub.http().sendAsync(hub.search(token, "q=" + HubClient.encode(name) + "&size=20"),
                HttpResponse.BodyHandlers.ofString()).thenAccept(response -> {
            if (found(response.body(), name)) {
                searchLag.record(System.nanoTime() - answered);
            } else if (System.nanoTime() - answered < TimeUnit.SECONDS.toNanos(30)) {
                ticker.schedule(() -> pollSearch(token, name, answered, searchLag, ticker), SEARCH_POLL_MILLIS,
                        TimeUnit.MILLISECONDS);
            }
        });
    }

    private static boolean found(String body, String name) {
        if (body == null || !body.startsWith("{")) {
            return false;
        }
        for (JsonNode item : HubClient.read(body).path("items")) {
            if (name.equals(item.path("modelName").asText())) {
                return true;
            }
        }
        return false;
    }
}
