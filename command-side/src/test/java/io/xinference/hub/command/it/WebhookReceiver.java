package io.xinference.hub.command.it;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP receiver for webhook deliveries (the JDK's own server on 127.0.0.1). Each test takes its own path;
 * per path it answers the scripted statuses in turn, then the default one, and keeps every request it got.
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Integer> defaults = new ConcurrentHashMap<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new Received(headers, body));
            int status = next(path);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** A fresh path on this receiver that answers {@code statuses} in turn, then {@code afterwards}. */
    String endpoint(int afterwards, Integer... statuses) {
        String path = "/hook-" + UUID.randomUUID();
        defaults.put(path, afterwards);
        scripted.put(path, new ArrayDeque<>(List.of(statuses)));
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void answerFromNowOn(String url, int status) {
        String path = path(url);
        scripted.get(path).clear();
        defaults.put(path, status);
    }

    List<Received> requests(String url) {
        return List.copyOf(received.getOrDefault(path(url), List.of()));
    }

    private synchronized int next(String path) {
        Deque<Integer> queue = scripted.get(path);
        if (queue != null && !queue.isEmpty()) {
            return queue.poll();
        }
        return defaults.getOrDefault(path, 404);
    }

    /**
     * What a receiver that deduplicates by {@code X-Hub-Delivery} acts on: the first request of each delivery id,
     * in arrival order. At-least-once delivery may send one delivery more than once; it is acted on once.
     */
    Map<String, Received> deduplicated(String url) {
        Map<String, Received> first = new java.util.LinkedHashMap<>();
        for (Received request : requests(url)) {
            first.putIfAbsent(request.header(io.xinference.hub.command.webhook.WebhookSignature.DELIVERY_HEADER),
                    request);
        }
        return first;
    }

    private static String path(String url) {
        return java.net.URI.create(url).getPath();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
