package io.xinference.hub.devstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.devstack.Fixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/** The hub's HTTP APIs as the benchmark calls them: JSON in and out, a bearer token per call. */
final class HubClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = {"model", "reasoning", "chat", "tokens", "context", "quantized", "weights",
            "instruct", "multilingual", "vision", "tool", "latency", "throughput", "license", "dataset", "agent"};

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String commandUrl;
    private final String queryUrl;

    HubClient(String commandUrl, String queryUrl) {
        this.commandUrl = commandUrl;
        this.queryUrl = queryUrl;
    }

    /** An answer of the command API: the model and its version after the change. */
    record Change(int status, String modelId, long version, String body) {
        boolean ok() {
            return status == 200 || status == 201;
        }
    }

    /** An LLM definition named {@code name}, with a description of about {@code length} distinct characters. */
    static ObjectNode llmDefinition(String name, Random random, int length) {
        ObjectNode definition = Fixtures.definition("llm");
        definition.put("model_name", name);
        definition.put("model_description", text(random, length));
        return definition;
    }

    static String text(Random random, int length) {
        StringBuilder text = new StringBuilder(length + 16);
        while (text.length() < length) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(100_000)).append(' ');
        }
        return text.toString();
    }

    HttpRequest registration(String token, String visibility, ObjectNode definition) {
        ObjectNode body = JSON.createObjectNode();
        body.put("modelType", "llm");
        body.put("visibility", visibility);
        body.set("definition", definition);
        body.put("readme", "# " + definition.path("model_name").asText() + "\n\nRegistered by the benchmark.\n");
        return jsonRequest(commandUrl + "/api/registry/models", token)
                .POST(HttpRequest.BodyPublishers.ofString(write(body))).build();
    }

    HttpRequest definitionUpdate(String token, String modelId, ObjectNode definition) {
        ObjectNode body = JSON.createObjectNode();
        body.set("definition", definition);
        return jsonRequest(commandUrl + "/api/registry/models/" + modelId + "/definition", token)
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))).build();
    }

    Change send(HttpRequest request) {
        try {
            return change(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    CompletableFuture<Change> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(HubClient::change);
    }

    /** Detail with read-your-writes: the server waits up to 5 s for {@code minVersion}. */
    CompletableFuture<JsonNode> detailAsync(String token, String modelId, long minVersion) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(queryUrl + "/api/catalogue/models/" + modelId
                        + "?minVersion=" + minVersion)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> read(response.body()));
    }

    HttpRequest search(String token, String query) {
        return HttpRequest.newBuilder(URI.create(queryUrl + "/api/catalogue/models?" + query))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build();
    }

    /** The number of models a search finds. */
    long searchTotal(String token, String query) {
        HttpResponse<String> response = get(search(token, query));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("search " + query + " answered " + response.statusCode() + " " + response.body());
        }
        return read(response.body()).path("total").asLong();
    }

    HttpResponse<String> get(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient http() {
        return http;
    }

    String queryUrl() {
        return queryUrl;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    private static Change change(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status != 200 && status != 201) {
            return new Change(status, null, -1, response.body());
        }
        JsonNode answer = read(response.body());
        return new Change(status, answer.path("modelId").asText(), answer.path("version").asLong(), response.body());
    }

    private static HttpRequest.Builder jsonRequest(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
