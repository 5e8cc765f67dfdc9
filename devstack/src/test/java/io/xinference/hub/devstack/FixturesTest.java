package io.xinference.hub.devstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FixturesTest {

    @Test
    void everyModelTypeHasItsRealDefinitionNamedAndVersioned() {
        assertThat(Fixtures.all()).containsOnlyKeys(Fixtures.MODEL_TYPES);
        assertThat(Fixtures.definition("llm").path("model_name").asText()).isEqualTo("QwQ-32B");
        assertThat(Fixtures.definition("audio").path("model_name").asText()).isEqualTo("CosyVoice2-0.5B");
        Fixtures.all().values().forEach(definition ->
                assertThat(definition.path("model_name").asText()).matches("^[A-Za-z0-9._-]+$"));
    }

    @Test
    void eachCallReturnsAnIndependentCopy() {
        Fixtures.definition("llm").put("model_name", "changed");
        assertThat(Fixtures.definition("llm").path("model_name").asText()).isEqualTo("QwQ-32B");
    }

    @Test
    void anUnknownTypeIsRefused() {
        assertThatThrownBy(() -> Fixtures.definition("flexible")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDemoReadmeNamesTheModelAndItsAbilities() {
        String readme = DemoData.readmeFor("llm", Fixtures.definition("llm"));
        assertThat(readme).startsWith("# QwQ-32B").contains("- **Type:** llm").contains("**Abilities:** chat");
    }
}
