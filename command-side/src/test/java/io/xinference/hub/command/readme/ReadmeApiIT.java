package io.xinference.hub.command.readme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xinference.hub.command.sync.OutboundAppContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Get README over HTTP with a real Keycloak token, the model hubs being a local stub. */
class ReadmeApiIT extends OutboundAppContext {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void aSignedInPersonGetsTheCardWithoutFrontMatter() throws Exception {
        MODEL_HUBS.stubFor(get(urlPathEqualTo("/BAAI/bge-m3/raw/main/README.md"))
                .willReturn(aResponse().withBody("---\nlicense: mit\n---\n# BGE-M3\n")));

        HttpResponse<String> response = call("/api/registry/readme?hub=huggingface&modelId=BAAI/bge-m3", "alice");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode card = JSON.readTree(response.body());
        assertThat(card.get("readme").asText()).isEqualTo("# BGE-M3\n");
        assertThat(card.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void aModelWithoutCardIsAProblem404() throws Exception {
        MODEL_HUBS.stubFor(get(urlPathEqualTo("/api/v1/models/nobody/nothing/repo"))
                .willReturn(aResponse().withStatus(404)));

        HttpResponse<String> response = call("/api/registry/readme?hub=modelscope&modelId=nobody/nothing", "alice");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void aFailingHubIsAProblem502() throws Exception {
        MODEL_HUBS.stubFor(get(urlPathEqualTo("/down/model/raw/main/README.md"))
                .willReturn(aResponse().withStatus(503)));

        HttpResponse<String> response = call("/api/registry/readme?hub=huggingface&modelId=down/model", "alice");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(JSON.readTree(response.body()).get("type").asText()).isEqualTo("urn:models-hub:problem:model-hub-unavailable");
    }

    @Test
    void whenTheHubIsDownAReadmeWrittenFromTheDefinitionStandsIn() throws Exception {
        MODEL_HUBS.stubFor(get(urlPathEqualTo("/BAAI/bge-m3/raw/down/README.md")).willReturn(aResponse().withStatus(500)));
        assertThat(call("/api/registry/readme?hub=huggingface&modelId=BAAI/bge-m3&revision=down", "alice")
                .statusCode()).isEqualTo(502);

        String body = JSON.writeValueAsString(java.util.Map.of("modelType", "embedding",
                "definition", io.xinference.hub.devstack.Fixtures.definition("embedding")));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/registry/readme/template"))
                .header("Authorization", "Bearer " + TOKENS.accessToken("alice"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("readme").asText()).startsWith("# bge-m3\n")
                .contains("- **Type:** embedding").contains("https://huggingface.co/BAAI/bge-m3");
    }

    @Test
    void anUnknownHubIsAProblem400() throws Exception {
        HttpResponse<String> response = call("/api/registry/readme?hub=github&modelId=a/b", "alice");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void anonymousCallersAreRefused() throws Exception {
        HttpResponse<String> response = call("/api/registry/readme?hub=huggingface&modelId=BAAI/bge-m3", null);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> call(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", "Bearer " + TOKENS.accessToken(user));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
