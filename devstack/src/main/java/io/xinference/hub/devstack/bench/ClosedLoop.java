package io.xinference.hub.devstack.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/** {@code clients} threads, each sending the next request as soon as the last one answered, for some seconds. */
final class ClosedLoop {

    private ClosedLoop() {
    }

    /** @param requests the n-th request to send; a 200 counts as done, anything else as failed */
    static LoadResult run(HttpClient http, int clients, int seconds, IntFunction<HttpRequest> requests)
            throws Exception {
        Latencies latencies = new Latencies();
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    HttpRequest request = requests.apply((int) sequence.getAndIncrement());
                    long began = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    latencies.record(System.nanoTime() - began);
                    (response.statusCode() == 200 ? done : failed).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return new LoadResult(done.get(), failed.get(), elapsed, latencies);
    }
}
