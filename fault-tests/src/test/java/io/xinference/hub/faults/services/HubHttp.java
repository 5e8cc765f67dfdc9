package io.xinference.hub.faults.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.devstack.Fixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The hub's HTTP APIs as a client calls them, for the fault tests: every call has a 30 s timeout (a hang is an
 * answer of status 0), and every answer keeps its status, headers, JSON body and how long it took.
 */
final class HubHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One answer; status 0 when the call failed without an HTTP answer (connection refused, timeout). */
    record Answer(int status, HttpResponse<String> response, JsonNode body, long millis, String failure) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String header(String name) {
            return response == null ? null : response.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " in " + millis + " ms: " + (response != null ? response.body() : failure);
        }
    }

    static ObjectNode registration(String name, String visibility) {
        ObjectNode definition = Fixtures.definition("llm");
        definition.put("model_name", name);
        ObjectNode body = JSON.createObjectNode();
        body.put("modelType", "llm");
        body.put("visibility", visibility);
        body.set("definition", definition);
        body.put("readme", "# " + name + "\n\nRegistered by a fault test.\n");
        return body;
    }

    Answer register(String commandUrl, String token, String name, String idempotencyKey) {
        HttpRequest.Builder request = json(commandUrl + "/api/registry/models", token)
                .POST(HttpRequest.BodyPublishers.ofString(write(registration(name, "PRIVATE"))));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    Answer updateReadme(String commandUrl, String token, String modelId, Long ifMatch, String readme) {
        HttpRequest.Builder request = json(commandUrl + "/api/registry/models/" + modelId + "/readme", token)
                .PUT(HttpRequest.BodyPublishers.ofString(write(Map.of("readme", readme))));
        if (ifMatch != null) {
            request.header("If-Match", "\"" + ifMatch + "\"");
        }
        return send(request.build());
    }

    Answer get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    Answer send(HttpRequest request) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response, read(response.body()), elapsed(started), null);
        } catch (IOException e) {
            return new Answer(0, null, MissingNode.getInstance(), elapsed(started), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, MissingNode.getInstance(), elapsed(started), "interrupted");
        }
    }

    private static HttpRequest.Builder json(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
