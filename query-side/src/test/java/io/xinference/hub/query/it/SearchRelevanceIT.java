package io.xinference.hub.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.devstack.DemoData;
import io.xinference.hub.devstack.Fixtures;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.xinference.hub.security.HubPermission.REGISTER_PRIVATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Search relevance over the six real Xinference v1.13.0 definitions of the demo catalogue (with the demo's own
 * READMEs), through the query API against the real Elasticsearch and the catalogue-v2 mapping: what a person types
 * → the models they expect first. Other tests' models share the index, so every query is narrowed to this class's
 * owner.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchRelevanceIT extends QuerySideITSupport {

    private static final Actor OWNER = new Actor("relevance-" + RUN, "relevance" + RUN);
    /**
     * The owner reads their own private copies of the demo models: public copies would give Xinference's download
     * (XinferenceApiIT, same store) two approved public models of one name, a state the hub's unique names never
     * allow.
     */
    private static final Personas READER = Personas.of("relevance", OWNER.subject(), REGISTER_PRIVATE);

    @BeforeAll
    void registerTheDemoCatalogue() {
        for (Map.Entry<String, ObjectNode> fixture : Fixtures.all().entrySet()) {
            ObjectNode definition = fixture.getValue();
            ModelType type = ModelType.fromWire(fixture.getKey()).orElseThrow();
            EventStoreFixture.Model m = EventStoreFixture.model(definition.path("model_name").asText(), type,
                    Visibility.PRIVATE, OWNER);
            events.register(m, definition, ModelStatus.APPROVED, null);
            long version = events.updateReadme(m, DemoData.readmeFor(fixture.getKey(), definition));
            awaitCatalogue(m.id(), version);
        }
    }

    /** query | the first results, in order ("-" = no result at all) | how many results at most. */
    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            CosyV               | CosyVoice2-0.5B                     | 1
            cosyvoice2-0        | CosyVoice2-0.5B                     | 1
            Voice               | CosyVoice2-0.5B                     | 1
            Wan2                | Wan2.1-1.3B                         | 1
            wan2.1-1.3b         | Wan2.1-1.3B                         | 1
            bge-rer             | bge-reranker-v2-m3                  | 1
            bge-m3              | bge-m3 bge-reranker-v2-m3           | 2
            Image               | Qwen-Image                          | 1
            qwen                | Qwen-Image QwQ-32B                  | 2
            qwq-32b             | QwQ-32B                             | 1
            32B                 | QwQ-32B                             | 1
            rerankr             | bge-reranker-v2-m3                  | 1
            reasonin            | QwQ-32B                             | 1
            reasnoing           | QwQ-32B                             | 1
            qwen reasoning      | QwQ-32B                             | 1
            qwen zebra          | -                                   | 0
            zebra model         | -                                   | 0
            """)
    void typedWordsFindTheExpectedModelsFirst(String query, String expected, int atMost) throws Exception {
        List<String> names = names(search(query));
        List<String> first = expected.equals("-") ? List.of() : Arrays.asList(expected.split(" "));
        assertThat(names).as("results of '%s'", query).startsWith(first.toArray(String[]::new));
        assertThat(names).as("results of '%s'", query).hasSizeLessThanOrEqualTo(atMost);
    }

    @Test
    void theExactNameOutranksNamesItIsThePrefixOf() throws Exception {
        // both start with "bge"; "bge-m3" is one of them exactly
        assertThat(names(search("BGE-M3")).get(0)).isEqualTo("bge-m3");
        assertThat(names(search("bge"))).containsExactly("bge-m3", "bge-reranker-v2-m3");
    }

    @Test
    void aNamePrefixOutranksAWordInTheDescriptionOrReadme() throws Exception {
        // "Qwen-Image" starts with qwen; QwQ-32B only mentions "the Qwen series" in its description
        assertThat(names(search("qwen"))).containsExactly("Qwen-Image", "QwQ-32B");
        // "audio" is CosyVoice's type in its README and part of its abilities, nobody's name
        assertThat(names(search("audio"))).containsExactly("CosyVoice2-0.5B");
    }

    @Test
    void matchesAreHighlightedAsMarkedTextNotHtml() throws Exception {
        JsonNode hit = search("bge-rer").path("items").get(0);
        String name = hit.path("highlights").path("modelName").get(0).asText();
        assertThat(name).startsWith("\uE000bge").contains("\uE001");
        assertThat(name.replace("\uE000", "").replace("\uE001", "")).isEqualTo("bge-reranker-v2-m3");
        JsonNode described = search("reasoning").path("items").get(0);
        assertThat(described.path("highlights").path("description").get(0).asText()).contains("\uE000reasoning\uE001");
    }

    @Test
    void suggestionsCompleteNamesAsTheyAreTyped() throws Exception {
        JsonNode suggestions = ok("/api/catalogue/suggestions?q=" + encode("wan"));
        List<String> names = new ArrayList<>();
        suggestions.forEach(s -> names.add(s.path("modelName").asText()));
        assertThat(names).contains("Wan2.1-1.3B");
        suggestions.forEach(s -> assertThat(s.path("highlighted").asText()).contains("\uE000"));
        assertThat(ok("/api/catalogue/suggestions?q=").isEmpty()).isTrue();
        MockHttpServletResponse tooMany = mvc.perform(get("/api/catalogue/suggestions?q=wan&size=500").with(READER.token()))
                .andReturn().getResponse();
        assertThat(tooMany.getStatus()).isEqualTo(400);
        assertThat(tooMany.getContentAsString()).contains("size");
    }

    private JsonNode search(String query) throws Exception {
        return ok("/api/catalogue/models?size=20&owner=" + OWNER.subject() + "&q=" + encode(query));
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("items").forEach(item -> names.add(item.path("modelName").asText()));
        return names;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private JsonNode ok(String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(READER.token())).andReturn().getResponse();
        assertThat(response.getStatus()).as(url + " " + response.getContentAsString()).isEqualTo(200);
        return json(response.getContentAsString());
    }
}
