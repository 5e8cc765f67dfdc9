package io.xinference.hub.devstack.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The few Elasticsearch REST calls the benchmark makes, over plain HTTP. */
final class Elasticsearch {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String url;

    Elasticsearch(String url) {
        this.url = url;
    }

    JsonNode get(String path) {
        return HubClient.read(call("GET", path, null, "application/json"));
    }

    JsonNode post(String path, String body) {
        return HubClient.read(call("POST", path, body, "application/json"));
    }

    /** A POST without a body (_refresh refuses one). */
    void post(String path) {
        call("POST", path, null, "application/json");
    }

    JsonNode put(String path, String body) {
        return HubClient.read(call("PUT", path, body, "application/json"));
    }

    void delete(String path) {
        call("DELETE", path, null, "application/json");
    }

    /** A bulk request; fails when any item failed (a bulk "succeeds" while items fail). */
    void bulk(String ndjson) {
        JsonNode answer = HubClient.read(call("POST", "/_bulk", ndjson, "application/x-ndjson"));
        if (answer.path("errors").asBoolean()) {
            throw new IllegalStateException("bulk items failed: " + answer.toString().substring(0, 500));
        }
    }

    private String call(String method, String path, String body, String contentType) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", contentType)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300 && !(method.equals("DELETE") && response.statusCode() == 404)) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
