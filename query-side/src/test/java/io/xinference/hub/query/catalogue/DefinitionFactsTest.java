package io.xinference.hub.query.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DefinitionFactsTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void readsLlmFacts() throws Exception {
        DefinitionFacts facts = DefinitionFacts.of(json.readTree("""
                {"model_lang": ["en", "zh"], "model_ability": ["chat", "tools"], "model_description": "d",
                 "featured": true,
                 "model_specs": [{"model_format": "pytorch", "model_size_in_billions": 7},
                                 {"model_format": "ggufv2", "model_size_in_billions": "1_8"},
                                 {"model_format": "pytorch", "model_size_in_billions": 7}]}"""));
        assertThat(facts.languages()).containsExactly("en", "zh");
        assertThat(facts.abilities()).containsExactly("chat", "tools");
        assertThat(facts.formats()).containsExactly("pytorch", "ggufv2");
        assertThat(facts.sizesInBillions()).containsExactly(1.8, 7.0);
        assertThat(facts.description()).isEqualTo("d");
        assertThat(facts.featured()).isTrue();
    }

    @Test
    void readsLanguageAsListOrString() throws Exception {
        assertThat(DefinitionFacts.of(json.readTree("{\"language\": [\"en\"]}")).languages()).containsExactly("en");
        assertThat(DefinitionFacts.of(json.readTree("{\"language\": \"zh\"}")).languages()).containsExactly("zh");
    }

    @Test
    void toleratesOddValues() throws Exception {
        DefinitionFacts facts = DefinitionFacts.of(json.readTree(
                "{\"model_specs\": [{\"model_size_in_billions\": \"huge\"}], \"model_ability\": 3}"));
        assertThat(facts.sizesInBillions()).isEmpty();
        assertThat(facts.abilities()).isEmpty();
        assertThat(DefinitionFacts.of(null).formats()).isEmpty();
    }
}
