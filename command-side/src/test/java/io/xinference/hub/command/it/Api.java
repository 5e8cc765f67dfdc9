package io.xinference.hub.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain HTTP client for the command API, as the UI or a script would call it (thread-safe). */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Call call(String method, String path) {
        return new Call(method, path);
    }

    record Answer(int status, HttpResponse<String> response, JsonNode body) {

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + response.body();
        }
    }

    final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;
        private boolean chunked;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Call token(String token) {
            return header("Authorization", "Bearer " + token);
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Call json(Object value) {
            try {
                body = value instanceof String text ? text : JSON.writeValueAsString(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return header("Content-Type", "application/json");
        }

        /** Sends the body without a Content-Length, as a stream of chunks. */
        Call chunked() {
            chunked = true;
            return this;
        }

        Answer send() {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : chunked ? HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    : HttpRequest.BodyPublishers.ofString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, publisher);
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
                JsonNode json = !isJson || response.body().isBlank() ? MissingNode.getInstance()
                        : JSON.readTree(response.body());
                return new Answer(response.statusCode(), response, json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
