package io.xinference.hub.faults.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.devstack.Fixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The hub's HTTP APIs as the scale-out tests call them, with real tokens; an I/O failure is an answer too. */
final class HubHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One answer; {@code status} -1 when the connection failed or broke (the instance died under it). */
    record Answer(int status, String body, String failure) {
        boolean ok() {
            return status == 200 || status == 201 || status == 202;
        }

        JsonNode json() {
            return read(body);
        }

        @Override
        public String toString() {
            return status == -1 ? "no answer (" + failure + ")" : status + " " + body;
        }
    }

    private HubHttp() {
    }

    /** A private LLM registration (registered as is, no review) named {@code name}. */
    static Answer register(String baseUrl, String token, String name, String readme, String idempotencyKey) {
        ObjectNode definition = Fixtures.definition("llm");
        definition.put("model_name", name);
        ObjectNode body = JSON.createObjectNode();
        body.put("modelType", "llm");
        body.put("visibility", "PRIVATE");
        body.set("definition", definition);
        body.put("readme", readme);
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/registry/models"))
                .header("Idempotency-Key", idempotencyKey)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    static Answer updateReadme(String baseUrl, String token, String modelId, String readme) {
        ObjectNode body = JSON.createObjectNode();
        body.put("readme", readme);
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/registry/models/" + modelId + "/readme"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    static Answer get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET());
    }

    static Answer post(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), null);
        } catch (IOException e) {
            return new Answer(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "", "interrupted");
        }
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
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
