package io.xinference.hub.faults.scaleout;

import io.xinference.hub.devstack.KeycloakTokens;
import io.xinference.hub.faults.apps.HubAppProcess;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Registrations and README updates by one user, spread over several command instances, from a few threads at
 * once, as fast as they answer. A registration that gets no answer (its instance died under it) is sent again,
 * with the same {@code Idempotency-Key}, to the next instance, as a load balancer or a client would; an update
 * that gets no answer is counted, not retried (its outcome is unknown: the event store says); an update that
 * lost a race with the other instance (409 concurrent-change) is sent again, as its problem says.
 */
final class CommandLoad implements AutoCloseable {

    private static final int MAX_CONCURRENT_CHANGE_RETRIES = 5;

    /** One request: where it went, when it ended, what came back. */
    record Sent(String instance, long endedAtNanos, int status, String what) {
    }

    private final List<HubAppProcess> instances;
    private final KeycloakTokens tokens;
    private final String namePrefix;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger names = new AtomicInteger();
    private final AtomicInteger turn = new AtomicInteger();
    /** model id → last acknowledged version */
    final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    final AtomicInteger retriedRegistrations = new AtomicInteger();
    final AtomicInteger concurrentChangeRetries = new AtomicInteger();

    CommandLoad(List<HubAppProcess> instances, KeycloakTokens tokens, String namePrefix) {
        this.instances = List.copyOf(instances);
        this.tokens = tokens;
        this.namePrefix = namePrefix;
    }

    void start(int threadCount) {
        running.set(true);
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(this::loop, "command-load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void loop() {
        while (running.get()) {
            List<String> models = new ArrayList<>(acknowledged.keySet());
            if (models.size() < 8 || ThreadLocalRandom.current().nextInt(4) == 0) {
                register();
            } else {
                update(models.get(ThreadLocalRandom.current().nextInt(models.size())));
            }
        }
    }

    private HubAppProcess next() {
        return instances.get(Math.floorMod(turn.getAndIncrement(), instances.size()));
    }

    private void register() {
        String name = namePrefix + names.incrementAndGet();
        String key = UUID.randomUUID().toString();
        HubAppProcess target = next();
        for (int attempt = 0; attempt < instances.size(); attempt++) {
            HubHttp.Answer answer = HubHttp.register(target.baseUrl(), tokens.accessToken("alice"), name,
                    "# " + name + "\n\nfirst README\n", key);
            record(target, answer, "register " + name);
            if (answer.status() != -1) {
                if (answer.ok()) {
                    acknowledged.merge(answer.json().path("modelId").asText(),
                            answer.json().path("version").asLong(), Math::max);
                } else {
                    unexpected.add("register " + name + " on " + target.name() + ": " + answer);
                }
                return;
            }
            retriedRegistrations.incrementAndGet();
            target = instances.get((instances.indexOf(target) + 1) % instances.size());
        }
    }

    private void update(String modelId) {
        HubAppProcess target = next();
        String readme = "# README\n\nrevision " + UUID.randomUUID() + "\n";
        HubHttp.Answer answer = HubHttp.updateReadme(target.baseUrl(), tokens.accessToken("alice"), modelId, readme);
        // two instances storing the same model's next event at once: the loser answers 409 concurrent-change and
        // the client sends it again, as the problem's detail tells it to (an update without If-Match just retries)
        for (int retry = 0; retry < MAX_CONCURRENT_CHANGE_RETRIES && isConcurrentChange(answer); retry++) {
            concurrentChangeRetries.incrementAndGet();
            answer = HubHttp.updateReadme(target.baseUrl(), tokens.accessToken("alice"), modelId, readme);
        }
        record(target, answer, "update " + modelId);
        if (answer.ok()) {
            acknowledged.merge(modelId, answer.json().path("version").asLong(), Math::max);
        } else if (answer.status() != -1) {
            unexpected.add("update " + modelId + " on " + target.name() + ": " + answer);
        }
    }

    private static boolean isConcurrentChange(HubHttp.Answer answer) {
        return answer.status() == 409 && answer.body().contains("concurrent-change");
    }

    private void record(HubAppProcess target, HubHttp.Answer answer, String what) {
        sent.add(new Sent(target.name(), System.nanoTime(), answer.status(), what));
    }

    /** Requests to this instance that ended after {@code sinceNanos}. */
    List<Sent> sentTo(HubAppProcess instance, long sinceNanos) {
        return sent.stream().filter(s -> s.instance().equals(instance.name()) && s.endedAtNanos() > sinceNanos)
                .toList();
    }

    int answeredOk() {
        return (int) sent.stream().filter(s -> s.status() / 100 == 2).count();
    }

    void stop() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
