package io.xinference.hub.names;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ModelNameGrammarTest {

    @ParameterizedTest
    @ValueSource(strings = {"QwQ-32B", "bge-m3", "bge-reranker-v2-m3", "stable-diffusion-xl-base-1.0",
            "whisper-large-v3", "CogVideoX-5b", "qwen2.5-instruct", "a", "7b", "my_model.v2"})
    void realXinferenceNamesPass(String name) {
        assertThat(ModelNameGrammar.problemWith(name)).as(name).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "...", ".hidden", "-rf", "_x", "a/b", "../etc", "a b", "a+b", "a%2e", "qwen:7b",
            "naïve", ""})
    void pathSegmentsOptionsAndOtherCharactersAreRefusedWithTheRule(String name) {
        assertThat(ModelNameGrammar.problemWith(name)).as(name).contains(ModelNameGrammar.RULE);
    }

    @Test
    void lengthIsBoundedAndNullIsRefused() {
        assertThat(ModelNameGrammar.isValid("a".repeat(ModelNameGrammar.MAX_LENGTH))).isTrue();
        assertThat(ModelNameGrammar.isValid("a".repeat(ModelNameGrammar.MAX_LENGTH + 1))).isFalse();
        assertThat(ModelNameGrammar.isValid(null)).isFalse();
    }

    /** The UI's registration form carries the pattern as text: it must be this one, character for character. */
    @Test
    void theRegistrationFormUsesTheSamePattern() throws Exception {
        Path form = Path.of("..", "ui", "src", "pages", "Register.tsx");
        assertThat(form).as("the UI's registration form, next to this module").exists();
        Matcher pattern = Pattern.compile("const MODEL_NAME_PATTERN = '([^']*)'").matcher(Files.readString(form));
        assertThat(pattern.find()).as("Register.tsx declares MODEL_NAME_PATTERN").isTrue();
        assertThat(pattern.group(1).replace("\\\\", "\\")).isEqualTo(ModelNameGrammar.PATTERN);
    }
}
