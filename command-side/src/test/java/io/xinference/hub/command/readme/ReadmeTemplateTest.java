package io.xinference.hub.command.readme;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.devstack.Fixtures;
import io.xinference.hub.events.ModelType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadmeTemplateTest {

    @Test
    void anLlmReadmeNamesItsAbilitiesLanguagesFormatsAndSources() {
        String readme = ReadmeTemplate.from(ModelType.LLM, Fixtures.definition("llm"));

        assertThat(readme).startsWith("# QwQ-32B\n\n- **Type:** llm\n")
                .contains("- **Abilities:** chat, reasoning, tools\n")
                .contains("- **Languages:** en, zh\n")
                .contains("| Format | Size (billions) | Quantizations | Hub |")
                .contains("| pytorch | 32 | none | huggingface |")
                .contains("[Hugging Face: Qwen/QwQ-32B](https://huggingface.co/Qwen/QwQ-32B)");
    }

    @Test
    void anAudioReadmeLinksItsTopLevelSources() {
        String readme = ReadmeTemplate.from(ModelType.AUDIO, Fixtures.definition("audio"));

        assertThat(readme).startsWith("# CosyVoice2-0.5B\n").contains("- **Type:** audio\n")
                .contains("https://huggingface.co/");
    }

    @Test
    void definitionTextCannotBreakTheTableOrInjectHtml() {
        ObjectNode definition = Fixtures.definition("llm");
        definition.put("model_description", "<script>alert(1)</script> | cell\nnext");

        String readme = ReadmeTemplate.from(ModelType.LLM, definition);

        assertThat(readme).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; \\| cell next");
    }
}
