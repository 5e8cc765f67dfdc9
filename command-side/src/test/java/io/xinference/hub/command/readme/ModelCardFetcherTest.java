package io.xinference.hub.command.readme;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.xinference.hub.command.readme.ModelCardProblem.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelCardFetcherTest {

    static final String CARD = "---\nlicense: apache-2.0\nlibrary_name: transformers\n---\n\n# QwQ-32B\n\n中文说明\n";

    private final WireMockServer hubs = new WireMockServer(options().dynamicPort());

    {
        hubs.start();
    }

    @AfterEach
    void stop() {
        hubs.stop();
    }

    @Test
    void aHuggingFaceCardComesWithoutFrontMatter() {
        hubs.stubFor(get(urlPathEqualTo("/Qwen/QwQ-32B/raw/main/README.md"))
                .willReturn(aResponse().withHeader("Content-Type", "text/plain; charset=utf-8").withBody(CARD)));

        ModelCard card = fetcher(DataSize.ofKilobytes(128)).fetch("huggingface", "Qwen/QwQ-32B", null);

        assertThat(card.readme()).isEqualTo("# QwQ-32B\n\n中文说明\n");
        assertThat(card.revision()).isEqualTo("main");
        assertThat(card.source()).isEqualTo(hubs.baseUrl() + "/Qwen/QwQ-32B/raw/main/README.md");
        assertThat(card.truncated()).isFalse();
    }

    @Test
    void aModelScopeCardComesFromItsRawFileApiAtTheRevision() {
        hubs.stubFor(get(urlPathEqualTo("/api/v1/models/Qwen/QwQ-32B/repo"))
                .withQueryParam("Revision", equalTo("v1.0")).withQueryParam("FilePath", equalTo("README.md"))
                .willReturn(aResponse().withBody(CARD)));

        ModelCard card = fetcher(DataSize.ofKilobytes(128)).fetch("modelscope", "Qwen/QwQ-32B", "v1.0");

        assertThat(card.readme()).startsWith("# QwQ-32B");
        assertThat(card.hub()).isEqualTo("modelscope");
    }

    @Test
    void aMissingCardIsNotFound() {
        hubs.stubFor(get(urlPathEqualTo("/nobody/nothing/raw/main/README.md"))
                .willReturn(aResponse().withStatus(404).withBody("Entry not found")));

        assertThatThrownBy(() -> fetcher(DataSize.ofKilobytes(128)).fetch("huggingface", "nobody/nothing", null))
                .isInstanceOfSatisfying(ModelCardProblem.class, problem -> assertThat(problem.kind())
                        .isEqualTo(Kind.NOT_FOUND));
    }

    @Test
    void aFailingHubIsAnUpstreamFailure() {
        hubs.stubFor(get(urlPathEqualTo("/Qwen/QwQ-32B/raw/main/README.md")).willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> fetcher(DataSize.ofKilobytes(128)).fetch("huggingface", "Qwen/QwQ-32B", null))
                .isInstanceOfSatisfying(ModelCardProblem.class, problem -> assertThat(problem.kind())
                        .isEqualTo(Kind.UPSTREAM_FAILED));
    }

    @Test
    void aHubThatDoesNotAnswerInTimeIsAnUpstreamFailure() {
        hubs.stubFor(get(urlPathEqualTo("/Qwen/QwQ-32B/raw/main/README.md"))
                .willReturn(aResponse().withBody(CARD).withFixedDelay(3000)));
        ReadmeProperties quick = new ReadmeProperties(hubs.baseUrl(), hubs.baseUrl(), null, null,
                Duration.ofMillis(300));

        assertThatThrownBy(() -> new ModelCardFetcher(quick).fetch("huggingface", "Qwen/QwQ-32B", null))
                .isInstanceOfSatisfying(ModelCardProblem.class, problem -> assertThat(problem.kind())
                        .isEqualTo(Kind.UPSTREAM_FAILED));
    }

    @Test
    void anUnreachableHubIsAnUpstreamFailure() {
        ReadmeProperties nowhere = new ReadmeProperties("http://127.0.0.1:1", "http://127.0.0.1:1", null, null,
                Duration.ofSeconds(2));

        assertThatThrownBy(() -> new ModelCardFetcher(nowhere).fetch("huggingface", "Qwen/QwQ-32B", null))
                .isInstanceOfSatisfying(ModelCardProblem.class, problem -> assertThat(problem.kind())
                        .isEqualTo(Kind.UPSTREAM_FAILED));
    }

    @Test
    void aLongCardIsCutAtTheConfiguredSize() {
        hubs.stubFor(get(urlPathEqualTo("/Qwen/QwQ-32B/raw/main/README.md"))
                .willReturn(aResponse().withBody("# T\n" + "x".repeat(5000))));

        ModelCard card = fetcher(DataSize.ofBytes(1000)).fetch("huggingface", "Qwen/QwQ-32B", null);

        assertThat(card.readme()).hasSize(1000);
        assertThat(card.truncated()).isTrue();
    }

    @Test
    void requestsThatCouldLeadElsewhereAreRefusedBeforeAnyCall() {
        ModelCardFetcher fetcher = fetcher(DataSize.ofKilobytes(128));
        for (String[] bad : new String[][]{{"github", "a/b", null}, {"huggingface", "../etc/passwd", null},
                {"huggingface", "a/b/c", null}, {"huggingface", "a/b", "../../x"}, {"huggingface", "a/b?x=1", null},
                {"huggingface", null, null}, {"modelscope", "a/b", "main&FilePath=x"}}) {
            assertThatThrownBy(() -> fetcher.fetch(bad[0], bad[1], bad[2])).as(String.join(",", String.valueOf(bad[1])))
                    .isInstanceOfSatisfying(ModelCardProblem.class, problem -> assertThat(problem.kind())
                            .isEqualTo(Kind.INVALID_REQUEST));
        }
        assertThat(hubs.getAllServeEvents()).isEmpty();
    }

    private ModelCardFetcher fetcher(DataSize maxSize) {
        return new ModelCardFetcher(new ReadmeProperties(hubs.baseUrl(), hubs.baseUrl(), null, maxSize,
                Duration.ofSeconds(5)));
    }
}
