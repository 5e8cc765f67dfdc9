package io.xinference.hub.faults.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.devstack.TestServices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Elasticsearch as the tests read it directly: what is behind an alias, and every document of an index. */
final class Elastic {

    /** A document as stored: its external version and its source. */
    record Doc(long version, JsonNode source) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Elastic() {
    }

    /** The indices an alias points at (empty when the alias does not exist). */
    static List<String> indicesBehind(String alias) {
        HttpResponse<String> response = call("GET", "/_alias/" + alias, null);
        List<String> indices = new ArrayList<>();
        if (response.statusCode() == 200) {
            HubHttp.read(response.body()).fieldNames().forEachRemaining(indices::add);
        }
        return indices;
    }

    static boolean exists(String index) {
        return call("HEAD", "/" + index, null).statusCode() == 200;
    }

    /** Every document of an index (or alias), by id, after a refresh. */
    static Map<String, Doc> all(String index) {
        call("POST", "/" + index + "/_refresh", null);
        Map<String, Doc> docs = new LinkedHashMap<>();
        JsonNode page = json("POST", "/" + index + "/_search?scroll=1m",
                "{\"size\":1000,\"version\":true,\"sort\":[\"_doc\"]}");
        while (page.path("hits").path("hits").size() > 0) {
            for (JsonNode hit : page.path("hits").path("hits")) {
                docs.put(hit.path("_id").asText(), new Doc(hit.path("_version").asLong(), hit.path("_source")));
            }
            page = json("POST", "/_search/scroll",
                    "{\"scroll\":\"1m\",\"scroll_id\":\"" + page.path("_scroll_id").asText() + "\"}");
        }
        return docs;
    }

    static long count(String index) {
        call("POST", "/" + index + "/_refresh", null);
        return json("GET", "/" + index + "/_count", null).path("count").asLong();
    }

    private static JsonNode json(String method, String path, String body) {
        HttpResponse<String> response = call(method, path, body);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + " "
                    + response.body());
        }
        return HubHttp.read(response.body());
    }

    private static HttpResponse<String> call(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestServices.elasticsearchUrl() + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
