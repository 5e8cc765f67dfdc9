package io.xinference.hub.devstack.bench;


import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop commands over HTTP with real tokens: each client registers a private LLM model (one in three
 * operations) or replaces the definition of one of its own models (two in three), as alice or bob.
 */
final class CommandMix {

    static final String[] OWNERS = {"alice", "bob"};

    private final HubClient hub;
    private final BenchTokens tokens;
    private final String run;
    private final Queue<OwnedModel> models = new ConcurrentLinkedQueue<>();

    CommandMix(HubClient hub, BenchTokens tokens, String run) {
        this.hub = hub;
        this.tokens = tokens;
        this.run = run;
    }

    /** Every model registered so far, with its last version. */
    List<OwnedModel> models() {
        return new ArrayList<>(models);
    }

    LoadResult run(int clients, int seconds) throws Exception {
        Latencies latencies = new Latencies();
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            int number = client;
            workers.add(pool.submit(() -> work(number, deadline, latencies, done, failed)));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return new LoadResult(done.get(), failed.get(), elapsed, latencies);
    }

    private void work(int client, long deadline, Latencies latencies, AtomicLong done, AtomicLong failed) {
        Random random = new Random(client);
        String owner = OWNERS[client % OWNERS.length];
        List<OwnedModel> mine = new ArrayList<>();
        int registered = 0;
        while (System.nanoTime() < deadline) {
            String token = tokens.accessToken(owner);
            boolean register = mine.isEmpty() || random.nextInt(3) == 0;
            long began = System.nanoTime();
            HubClient.Change answer;
            if (register) {
                String name = "bench-" + run + "-c" + client + "-" + registered++;
                answer = hub.send(hub.registration(token, "PRIVATE", HubClient.llmDefinition(name, random, 600)));
                if (answer.ok()) {
                    OwnedModel model = new OwnedModel(owner, answer.modelId(), name, answer.version());
                    mine.add(model);
                    models.add(model);
                }
            } else {
                OwnedModel model = mine.get(random.nextInt(mine.size()));
                answer = hub.send(hub.definitionUpdate(token, model.id,
                        HubClient.llmDefinition(model.name, random, 600)));
                if (answer.ok()) {
                    model.version = answer.version();
                }
            }
            latencies.record(System.nanoTime() - began);
            if (answer.ok()) {
                done.incrementAndGet();
            } else if (failed.incrementAndGet() <= 3) {
                Progress.say("command refused: %d %s", answer.status(), answer.body());
            }
        }
    }
}
