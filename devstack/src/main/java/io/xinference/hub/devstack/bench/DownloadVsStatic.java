package io.xinference.hub.devstack.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Xinference's download of the LLM list ({@code GET /api/models/download?model_type=llm}, {@code entries} public
 * approved models with ~3 KB descriptions each, about the size of the real list) against the same bytes as a static
 * file served by the same query-side process (Spring MVC's resource handler: bench.sh starts query-side with
 * {@code spring.mvc.static-path-pattern=/bench-static/**} on the benchmark's folder). Interleaved and repeated, so
 * drift on a shared machine hits both alike.
 */
final class DownloadVsStatic {

    /** Requests/s summed over both rounds. */
    record Result(int entries, long bytes, long gzipBytes, LoadResult download, LoadResult staticFile,
                  LoadResult downloadGzip) {
    }

    private final HubClient hub;
    private final BenchTokens tokens;
    private final String run;
    private final Path staticDir;

    DownloadVsStatic(HubClient hub, BenchTokens tokens, String run, Path staticDir) {
        this.hub = hub;
        this.tokens = tokens;
        this.run = run;
        this.staticDir = staticDir;
    }

    /** Registers the public LLM models through the command API (published at once by paula). */
    void registerEntries(int entries, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<HubClient.Change>> answers = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            int number = i;
            answers.add(pool.submit(() -> hub.send(hub.registration(tokens.accessToken("paula"), "PUBLIC",
                    HubClient.llmDefinition(String.format("bench-%s-llm-%03d", run, number), new Random(number), 3000)))));
        }
        try {
            for (Future<HubClient.Change> answer : answers) {
                HubClient.Change change = answer.get();
                if (!change.ok()) {
                    throw new IllegalStateException("registration refused: " + change.status() + " " + change.body());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    Result run(int entries, int clients, int seconds) throws Exception {
        URI download = URI.create(hub.queryUrl() + "/api/models/download?model_type=llm");
        byte[] body = awaitEntries(download, entries);
        Files.createDirectories(staticDir);
        Files.write(staticDir.resolve("llm_models.json"), body);
        URI staticFile = URI.create(hub.queryUrl() + "/bench-static/llm_models.json");
        HttpResponse<byte[]> copy = hub.http().send(HttpRequest.newBuilder(staticFile).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (copy.statusCode() != 200 || copy.body().length != body.length) {
            throw new IllegalStateException("the static copy is not served: " + copy.statusCode() + ", "
                    + copy.body().length + " bytes instead of " + body.length);
        }
        long gzipBytes = hub.http().send(HttpRequest.newBuilder(download).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray()).body().length;
        List<LoadResult> plain = new ArrayList<>();
        List<LoadResult> statics = new ArrayList<>();
        List<LoadResult> gzip = new ArrayList<>();
        for (int round = 1; round <= 2; round++) {
            plain.add(ClosedLoop.run(hub.http(), clients, seconds, n -> HttpRequest.newBuilder(download).build()));
            statics.add(ClosedLoop.run(hub.http(), clients, seconds, n -> HttpRequest.newBuilder(staticFile).build()));
            gzip.add(ClosedLoop.run(hub.http(), clients, seconds,
                    n -> HttpRequest.newBuilder(download).header("Accept-Encoding", "gzip").build()));
            Progress.say("  round %d: download %,.0f/s, static %,.0f/s, gzip %,.0f/s", round,
                    plain.get(round - 1).perSecond(), statics.get(round - 1).perSecond(), gzip.get(round - 1).perSecond());
        }
        return new Result(entries, body.length, gzipBytes, merge(plain), merge(statics), merge(gzip));
    }

    private byte[] awaitEntries(URI download, int entries) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (true) {
            HttpResponse<byte[]> response = hub.http().send(HttpRequest.newBuilder(download).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            int count = response.statusCode() == 200 ? countOf(response.body()) : -1;
            if (count >= entries) {
                return response.body();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the download list has " + count + " entries after 180 s, not " + entries);
            }
            Thread.sleep(1000);
        }
    }

    private static int countOf(byte[] body) throws Exception {
        JsonNode list = HubClient.JSON.readTree(body);
        return list.isArray() ? list.size() : -1;
    }

    private static LoadResult merge(List<LoadResult> rounds) {
        long operations = 0;
        long failures = 0;
        double seconds = 0;
        for (LoadResult round : rounds) {
            operations += round.operations();
            failures += round.failures();
            seconds += round.seconds();
        }
        return new LoadResult(operations, failures, seconds, rounds.get(rounds.size() - 1).latencies());
    }
}
