package io.xinference.hub.command.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.Base64;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local stand-in for GitHub's REST API (api.github.com) answering with the shapes GitHub documents for
 * repositories, contents, git refs and pulls, so the real client library runs unchanged against it.
 */
final class GithubStub implements AutoCloseable {

    static final String OWNER = "xorbitsai";
    static final String NAME = "inference";
    static final String REPO = "/repos/" + OWNER + "/" + NAME;
    static final String BASE_SHA = "1111111111111111111111111111111111111111";

    private static final ObjectMapper JSON = new ObjectMapper();

    final WireMockServer server = new WireMockServer(options().dynamicPort());

    GithubStub() {
        server.start();
    }

    String apiUrl() {
        return server.baseUrl();
    }

    /** The repository, the base branch, and no sync branch or pull request yet. */
    GithubStub withRepository() {
        server.stubFor(get(urlPathEqualTo(REPO)).willReturn(json(200, repository())));
        server.stubFor(get(urlPathEqualTo(REPO + "/git/refs/heads/main"))
                .willReturn(json(200, ref("refs/heads/main", BASE_SHA))));
        server.stubFor(get(urlPathEqualTo(REPO + "/pulls")).willReturn(json(200, JSON.createArrayNode())));
        server.stubFor(post(urlPathEqualTo(REPO + "/git/refs")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withTransformers("response-template")
                .withBody(text(ref("{{jsonPath request.body '$.ref'}}", "{{jsonPath request.body '$.sha'}}")))));
        return this;
    }

    GithubStub withFile(String path, String ref, byte[] content, String sha) {
        server.stubFor(get(urlPathEqualTo(REPO + "/contents/" + path)).withQueryParam("ref", equalTo(ref))
                .willReturn(json(200, content(path, content, sha))));
        server.stubFor(put(urlPathEqualTo(REPO + "/contents/" + path)).willReturn(json(200, contentUpdate(path))));
        return this;
    }

    /** Over 1 MB the contents API leaves the content out ({@code "encoding": "none"}); the blob API has it. */
    GithubStub withLargeFile(String path, String ref, byte[] content, String sha) {
        ObjectNode metadata = content(path, content, sha).put("encoding", "none").put("content", "");
        server.stubFor(get(urlPathEqualTo(REPO + "/contents/" + path)).withQueryParam("ref", equalTo(ref))
                .willReturn(json(200, metadata)));
        server.stubFor(get(urlPathEqualTo(REPO + "/git/blobs/" + sha)).willReturn(json(200, JSON.createObjectNode()
                .put("sha", sha).put("size", content.length).put("encoding", "base64")
                .put("content", Base64.getMimeEncoder(60, "\n".getBytes()).encodeToString(content))
                .put("url", apiUrl() + REPO + "/git/blobs/" + sha))));
        server.stubFor(put(urlPathEqualTo(REPO + "/contents/" + path)).willReturn(json(200, contentUpdate(path))));
        return this;
    }

    GithubStub withoutBranch(String branch) {
        server.stubFor(get(urlPathEqualTo(REPO + "/git/refs/heads/" + branch))
                .willReturn(json(404, notFound())));
        return this;
    }

    GithubStub withBranch(String branch, String sha) {
        server.stubFor(get(urlPathEqualTo(REPO + "/git/refs/heads/" + branch))
                .willReturn(json(200, ref("refs/heads/" + branch, sha))));
        server.stubFor(patch(urlPathEqualTo(REPO + "/git/refs/heads/" + branch))
                .willReturn(json(200, ref("refs/heads/" + branch, BASE_SHA))));
        return this;
    }

    GithubStub withOpenPullRequest(int number, String branch, String title) {
        server.stubFor(get(urlPathEqualTo(REPO + "/pulls")).withQueryParam("state", equalTo("open"))
                .withQueryParam("head", equalTo(OWNER + ":" + branch))
                .willReturn(json(200, JSON.createArrayNode().add(pullRequest(number, branch, title)))));
        server.stubFor(patch(urlPathEqualTo(REPO + "/pulls/" + number))
                .willReturn(json(200, pullRequest(number, branch, title))));
        return this;
    }

    GithubStub opensPullRequest(int number) {
        server.stubFor(post(urlPathEqualTo(REPO + "/pulls")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withTransformers("response-template")
                // the title may hold quotes, which a template would not escape: GitHub's echo of it is not needed
                .withBody(text(pullRequest(number, "{{jsonPath request.body '$.head'}}", "created")))));
        return this;
    }

    /** Every call answers {@code status} (with {@code headers}) until {@link #recover()}: an outage or a lock-out. */
    GithubStub failsEverything(int status, String... headerNamesAndValues) {
        ResponseDefinitionBuilder response = json(status, JSON.createObjectNode()
                .put("message", status == 401 ? "Bad credentials" : "Service unavailable")
                .put("documentation_url", "https://docs.github.com/rest"));
        for (int i = 0; i + 1 < headerNamesAndValues.length; i += 2) {
            response = response.withHeader(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        server.stubFor(any().atPriority(1).willReturn(response).withName("outage"));
        return this;
    }

    void recover() {
        server.getStubMappings().stream().filter(mapping -> "outage".equals(mapping.getName()))
                .forEach(server::removeStub);
    }

    /** What the last PUT of this file committed, decoded. */
    byte[] committedContent(String path) {
        List<LoggedRequest> puts = server.findAll(RequestPatternBuilder.newRequestPattern(
                com.github.tomakehurst.wiremock.http.RequestMethod.PUT, urlPathEqualTo(REPO + "/contents/" + path)));
        if (puts.isEmpty()) {
            throw new AssertionError("nothing was committed to " + path);
        }
        return Base64.getDecoder().decode(body(puts.get(puts.size() - 1)).get("content").asText());
    }

    List<JsonNode> requestBodies(com.github.tomakehurst.wiremock.http.RequestMethod method, String path) {
        return server.findAll(RequestPatternBuilder.newRequestPattern(method, urlPathEqualTo(path))).stream()
                .map(GithubStub::body).toList();
    }

    int count(com.github.tomakehurst.wiremock.http.RequestMethod method, String path) {
        return server.findAll(RequestPatternBuilder.newRequestPattern(method, urlPathEqualTo(path))).size();
    }

    List<String> requestedUrls() {
        return server.getAllServeEvents().stream().map(event -> event.getRequest().getUrl()).toList();
    }

    @Override
    public void close() {
        server.stop();
    }

    private static MappingBuilder any() {
        return com.github.tomakehurst.wiremock.client.WireMock.any(anyUrl());
    }

    private ObjectNode repository() {
        ObjectNode repository = JSON.createObjectNode()
                .put("id", 567890).put("name", NAME).put("full_name", OWNER + "/" + NAME)
                .put("private", false).put("default_branch", "main")
                .put("html_url", "https://github.com/" + OWNER + "/" + NAME)
                .put("url", apiUrl() + REPO);
        repository.putObject("owner").put("login", OWNER).put("id", 1).put("type", "Organization");
        return repository;
    }

    private ObjectNode ref(String ref, String sha) {
        ObjectNode node = JSON.createObjectNode().put("ref", ref)
                .put("url", apiUrl() + REPO + "/git/" + ref);
        node.putObject("object").put("sha", sha).put("type", "commit")
                .put("url", apiUrl() + REPO + "/git/commits/" + sha);
        return node;
    }

    /** The contents API's file answer: base64 in lines of 60 characters, as GitHub sends it. */
    private ObjectNode content(String path, byte[] content, String sha) {
        String base64 = Base64.getMimeEncoder(60, "\n".getBytes()).encodeToString(content) + "\n";
        return JSON.createObjectNode().put("type", "file").put("encoding", "base64").put("size", content.length)
                .put("name", path.substring(path.lastIndexOf('/') + 1)).put("path", path)
                .put("content", base64).put("sha", sha)
                .put("url", apiUrl() + REPO + "/contents/" + path)
                .put("html_url", "https://github.com/" + OWNER + "/" + NAME + "/blob/main/" + path);
    }

    private ObjectNode contentUpdate(String path) {
        ObjectNode update = JSON.createObjectNode();
        update.putObject("content").put("type", "file").put("path", path)
                .put("name", path.substring(path.lastIndexOf('/') + 1))
                .put("sha", "2222222222222222222222222222222222222222");
        update.putObject("commit").put("sha", "3333333333333333333333333333333333333333")
                .put("message", "committed");
        return update;
    }

    private ObjectNode pullRequest(int number, String branch, String title) {
        ObjectNode pr = JSON.createObjectNode().put("id", 9000 + number).put("number", number).put("state", "open")
                .put("title", title).put("body", "")
                .put("url", apiUrl() + REPO + "/pulls/" + number)
                .put("html_url", "https://github.com/" + OWNER + "/" + NAME + "/pull/" + number);
        pr.putObject("head").put("ref", branch).put("sha", BASE_SHA).put("label", OWNER + ":" + branch);
        pr.putObject("base").put("ref", "main").put("sha", BASE_SHA).put("label", OWNER + ":main");
        return pr;
    }

    private static ObjectNode notFound() {
        return JSON.createObjectNode().put("message", "Not Found")
                .put("documentation_url", "https://docs.github.com/rest/git/refs#get-a-reference");
    }

    private static ResponseDefinitionBuilder json(int status, JsonNode body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(text(body));
    }

    private static String text(JsonNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode body(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }
}
