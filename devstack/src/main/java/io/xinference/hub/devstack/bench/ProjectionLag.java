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
 * Commands at a steady rate (open loop: the next one goes out on time whether or not earlier ones answered, up
 * to {@value #MAX_IN_FLIGHT} unanswered; a tick beyond that is counted as behind schedule), and for every command
 * the time from its answer until the catalogue document reaches the answered version ({@link VersionWatcher}).
 * Samples, one in {@value #SAMPLE_EVERY}: the detail with {@code minVersion} (read-your-writes as the UI does it)
 * and, for registrations, a search that finds the name (includes Elasticsearch's refresh).
 */
final class ProjectionLag {

    /** What the steady load achieved and how far the read side was behind. */
    record Result(int targetRate, double achievedRate, long commands, long failures, long behindSchedule,
                  Latencies commandLatency, Latencies projectionLag, long neverSeen, Latencies detailLag,
                  long staleDetails, Latencies searchLag) {
    }

    private static final int MAX_IN_FLIGHT = 256;
    private static final int SAMPLE_EVERY = 20;
    private static final long SEARCH_POLL_MILLIS = 100;

    private final HubClient hub;
    private final BenchTokens tokens;
    private final Elasticsearch elasticsearch;
    private final String catalogueAlias;
    private final String run;
    private final Queue<OwnedModel> idle = new ConcurrentLinkedQueue<>();

    ProjectionLag(HubClient hub, BenchTokens tokens, Elasticsearch elasticsearch, String catalogueAlias, String run,
                  List<OwnedModel> existing) {
        this.hub = hub;
        this.tokens = tokens;
        this.elasticsearch = elasticsearch;
        this.catalogueAlias = catalogueAlias;
        this.run = run;
        this.idle.addAll(existing);
    }

    Result run(int rate, int seconds) throws InterruptedException {
        Latencies commandLatency = new Latencies();
        Latencies projectionLag = new Latencies();
        Latencies detailLag = new Latencies();
        Latencies searchLag = new Latencies();
        AtomicLong ticks = new AtomicLong();
        AtomicLong behind = new AtomicLong();
        AtomicLong answered = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicLong stale = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger registrations = new AtomicInteger();
        ScheduledExecutorService ticker = Executors.newScheduledThreadPool(2);
        Random random = new Random(7);
        long total = (long) rate * seconds;
        long started = System.nanoTime();
        try (VersionWatcher watcher = new VersionWatcher(elasticsearch, catalogueAlias, projectionLag)) {
            ticker.scheduleAtFixedRate(() -> {
                long tick = ticks.incrementAndGet();
                if (tick > total) {
                    return;
                }
                if (inFlight.get() >= MAX_IN_FLIGHT) {
                    behind.incrementAndGet();
                    return;
                }
                inFlight.incrementAndGet();
                boolean sample = tick % SAMPLE_EVERY == 0;
                issue(random, registrations, sample, commandLatency, watcher, detailLag, searchLag, failures, stale,
                        ticker).whenComplete((ignored, error) -> {
                            inFlight.decrementAndGet();
                            answered.incrementAndGet();
                            lastAnswer.set(System.nanoTime());
                        });
            }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
            while (ticks.get() < total) {
                Thread.sleep(2000);
                Progress.say("  lag: %,d / %,d ticks, %,d answered, %d commands in flight, %d behind schedule, "
                                + "projection lag %s", Math.min(ticks.get(), total), total, answered.get(), inFlight.get(),
                        behind.get(), projectionLag.summary());
            }
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((inFlight.get() > 0 || watcher.outstanding() > 0) && System.nanoTime() < waitUntil) {
                Thread.sleep(200);
            }
            Thread.sleep(500);
            double achieved = (answered.get() - failures.get()) / ((lastAnswer.get() - started) / 1e9);
            return new Result(rate, achieved, answered.get(), failures.get(), behind.get(), commandLatency,
                    projectionLag, watcher.outstanding(), detailLag, stale.get(), searchLag);
        } finally {
            ticker.shutdownNow();
        }
    }

    private CompletableFuture<Void> issue(Random random, AtomicInteger registrations, boolean sample,
                                          Latencies commandLatency, VersionWatcher watcher, Latencies detailLag,
                                          Latencies searchLag, AtomicLong failures, AtomicLong stale,
                                          ScheduledExecutorService ticker) {
        OwnedModel model = random.nextInt(3) == 0 ? null : idle.poll();
        String owner = model != null ? model.owner : CommandMix.OWNERS[random.nextInt(CommandMix.OWNERS.length)];
        String token = tokens.accessToken(owner);
        String name = model != null ? model.name : "bench-" + run + "-lag-" + registrations.incrementAndGet();
        long began = System.nanoTime();
        CompletableFuture<HubClient.Change> command = model == null
                ? hub.sendAsync(hub.registration(token, "PRIVATE", HubClient.llmDefinition(name, random, 600)))
                : hub.sendAsync(hub.definitionUpdate(token, model.id, HubClient.llmDefinition(name, random, 600)));
        return command.thenAccept(answer -> {
            long answeredAt = System.nanoTime();
            commandLatency.record(answeredAt - began);
            if (!answer.ok()) {
                if (failures.incrementAndGet() <= 3) {
                    Progress.say("  command refused: %d %s", answer.status(), answer.body());
                }
                if (model != null) {
                    idle.add(model);
                }
                return;
            }
            watcher.await(answer.modelId(), answer.version(), answeredAt);
            if (sample) {
                hub.detailAsync(token, answer.modelId(), answer.version()).thenAccept(detail -> {
                    detailLag.record(System.nanoTime() - answeredAt);
                    if (detail.path("stale").asBoolean(false)) {
                        stale.incrementAndGet();
                    }
                });
                if (model == null) {
                    pollSearch(token, name, answeredAt, searchLag, ticker);
                }
            }
            OwnedModel done = model != null ? model : new OwnedModel(owner, answer.modelId(), name, answer.version());
            done.version = answer.version();
            idle.add(done);
        }).exceptionally(error -> {
            if (failures.incrementAndGet() <= 3) {
                Progress.say("  command failed: %s", error);
            }
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
