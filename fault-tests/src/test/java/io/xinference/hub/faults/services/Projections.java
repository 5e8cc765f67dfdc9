package io.xinference.hub.faults.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.devstack.TestServices;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What the fault tests read of the query side: catalogue versions straight from Elasticsearch, and lag and parked
 * events from the admin view.
 */
final class Projections {

    private final HubHttp http;
    private final String queryUrl;
    private final String catalogueAlias;
    private final String elasticsearchUrl;

    Projections(HubHttp http, String queryUrl, String indexPrefix) {
        this(http, queryUrl, indexPrefix, TestServices.elasticsearchUrl());
    }

    /** Reading the catalogue from another Elasticsearch than the test services' (a node of a cluster). */
    Projections(HubHttp http, String queryUrl, String indexPrefix, String elasticsearchUrl) {
        this.http = http;
        this.queryUrl = queryUrl;
        this.catalogueAlias = indexPrefix + "catalogue";
        this.elasticsearchUrl = elasticsearchUrl;
    }

    /** Model id → projected version, for every document of the catalogue (refreshing the index first). */
    Map<String, Long> catalogueVersions() {
        String es = elasticsearchUrl;
        http.send(HttpRequest.newBuilder(URI.create(es + "/" + catalogueAlias + "/_refresh"))
                .timeout(HubHttp.TIMEOUT).POST(HttpRequest.BodyPublishers.noBody()).build());
        HubHttp.Answer answer = http.send(HttpRequest.newBuilder(URI.create(es + "/" + catalogueAlias
                        + "/_search?size=10000&_source=version&filter_path=hits.hits._id,hits.hits._source.version"))
                .timeout(HubHttp.TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":{\"match_all\":{}}}")).build());
        Map<String, Long> versions = new HashMap<>();
        if (answer.status() != 200) {
            return versions;
        }
        for (JsonNode hit : answer.body().path("hits").path("hits")) {
            versions.put(hit.path("_id").asText(), hit.path("_source").path("version").asLong(-1));
        }
        return versions;
    }

    /** How many acknowledged versions the catalogue does not show yet. */
    long missing(Map<String, Long> acked) {
        Map<String, Long> projected = catalogueVersions();
        return acked.entrySet().stream()
                .filter(entry -> projected.getOrDefault(entry.getKey(), -1L) < entry.getValue()).count();
    }

    /** {@code GET /api/admin/projections} as an admin: per group, running, error, parked, lag. */
    JsonNode status(String adminToken) {
        HubHttp.Answer answer = http.get(queryUrl + "/api/admin/projections", adminToken);
        if (answer.status() != 200) {
            throw new IllegalStateException("admin projections view answered " + answer);
        }
        return answer.body();
    }

    static JsonNode group(JsonNode status, String group) {
        for (JsonNode node : status) {
            if (node.path("group").asText().equals(group)) {
                return node;
            }
        }
        throw new IllegalStateException("no group " + group + " in " + status);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
