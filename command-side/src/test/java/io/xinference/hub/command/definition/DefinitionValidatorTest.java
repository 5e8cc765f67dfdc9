package io.xinference.hub.command.definition;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.events.ModelType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DefinitionValidatorTest {

    private static final DefinitionValidator VALIDATOR = new DefinitionValidator();

    @ParameterizedTest
    @EnumSource(ModelType.class)
    void everyRealV1130FixtureIsValidForAllClients(ModelType type) {
        DefinitionCheck check = VALIDATOR.check(type, RealFixtures.asSentByClient(type), RealFixtures.nameOf(type));

        assertThat(check.violations()).isEmpty();
        assertThat(check.compatibility().loadsOnBaselineClient()).isTrue();
        assertThat(check.compatibility().minimumClientVersion()).isEqualTo("1.13.0");
    }

    static Stream<Arguments> negativeTwins() {
        return Stream.of(
                twin(ModelType.LLM, "/model_lang", d -> d.remove("model_lang")),
                twin(ModelType.LLM, "/model_specs/0/model_size_in_billions",
                        d -> spec(d, 0).put("model_size_in_billions", true)),
                twin(ModelType.EMBEDDING, "/dimensions", d -> d.put("dimensions", "1024")),
                twin(ModelType.EMBEDDING, "/max_tokens", d -> d.remove("max_tokens")),
                twin(ModelType.RERANK, "/language", d -> d.remove("language")),
                twin(ModelType.RERANK, "/model_specs/0/model_src/huggingface/quantizations",
                        d -> ((ObjectNode) spec(d, 0).get("model_src").get("huggingface")).remove("quantizations")),
                twin(ModelType.IMAGE, "/model_family", d -> d.remove("model_family")),
                twin(ModelType.IMAGE, "/model_src/huggingface/model_revision",
                        d -> ((ObjectNode) d.get("model_src").get("huggingface")).put("model_revision", 7)),
                twin(ModelType.AUDIO, "/multilingual", d -> d.put("multilingual", "yes")),
                twin(ModelType.AUDIO, "/model_src/modelscope/model_id",
                        d -> ((ObjectNode) d.get("model_src").get("modelscope")).remove("model_id")),
                twin(ModelType.VIDEO, "/model_src", d -> d.remove("model_src")),
                twin(ModelType.VIDEO, "/version", d -> d.put("version", 1)));
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("negativeTwins")
    void negativeTwinIsRefusedAtTheBrokenField(ModelType type, String pointer, Consumer<ObjectNode> breakIt) {
        ObjectNode definition = RealFixtures.asSentByClient(type);
        breakIt.accept(definition);

        DefinitionCheck check = VALIDATOR.check(type, definition, RealFixtures.nameOf(type));

        assertThat(check.valid()).isFalse();
        assertThat(check.violations()).extracting(Violation::pointer).containsExactly(pointer);
        assertThat(check.violations().get(0).message()).isNotBlank();
    }

    @Test
    void audioDefinitionSentAsLlmIsRefusedForTheMissingLlmFields() {
        DefinitionCheck check = VALIDATOR.check(ModelType.LLM, RealFixtures.asSentByClient(ModelType.AUDIO), null);

        assertThat(check.violations()).extracting(Violation::pointer)
                .contains("/model_lang", "/model_ability/0", "/model_specs");
    }

    @Test
    void llmDefinitionSentAsAudioIsRefused() {
        DefinitionCheck check = VALIDATOR.check(ModelType.AUDIO, RealFixtures.asSentByClient(ModelType.LLM), null);

        assertThat(check.violations()).extracting(Violation::pointer)
                .contains("/model_family", "/multilingual", "/model_src");
    }

    @ParameterizedTest
    @EnumSource(ModelType.class)
    void verbatimFixtureWithXinferencesUpdatedAtIsValidAndStoredWithoutIt(ModelType type) {
        ObjectNode verbatim = RealFixtures.verbatim(type);

        assertThat(VALIDATOR.check(type, verbatim, null).violations()).isEmpty();
        assertThat(VALIDATOR.normalized(verbatim).has("updated_at")).isFalse();
        assertThat(verbatim.has("updated_at")).as("the caller's node is left alone").isTrue();
    }

    @Test
    void isBuiltinIsRefusedBecauseNewerClientsWouldTrustTheEntry() {
        ObjectNode definition = RealFixtures.verbatim(ModelType.LLM);
        definition.put("is_builtin", false);

        assertThat(VALIDATOR.check(ModelType.LLM, definition, null).violations())
                .singleElement().satisfies(violation -> {
                    assertThat(violation.pointer()).isEqualTo("/is_builtin");
                    assertThat(violation.message()).contains("built-in");
                });
    }

    @Test
    void aNumberTooLargeForADoubleIsRefusedWhereItIsNotThrown() throws Exception {
        // Jackson reads 1e999 as infinity; the schema library's const check threw on it (found by fuzzing)
        ObjectNode definition = RealFixtures.asSentByClient(ModelType.LLM);
        definition.set("context_length", new com.fasterxml.jackson.databind.ObjectMapper().readTree("1e999"));
        definition.putObject("extra").put("a/b", Double.NaN);

        assertThat(VALIDATOR.check(ModelType.LLM, definition, null).violations())
                .extracting(Violation::pointer).containsExactly("/context_length", "/extra/a~1b");
    }

    @Test
    void nameOutsideThePatternIsRefused() {
        ObjectNode definition = RealFixtures.asSentByClient(ModelType.RERANK);
        definition.put("model_name", "bge reranker/v2");

        assertThat(VALIDATOR.check(ModelType.RERANK, definition, null).violations())
                .extracting(Violation::pointer).containsExactly("/model_name");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {".", "..", "...", ".cache", "-rf"})
    void namesThatArePathSegmentsOrOptionsAreRefusedWithTheRule(String name) {
        ObjectNode definition = RealFixtures.asSentByClient(ModelType.EMBEDDING);
        definition.put("model_name", name);

        assertThat(VALIDATOR.check(ModelType.EMBEDDING, definition, null).violations())
                .containsExactly(new Violation("/model_name", io.xinference.hub.names.ModelNameGrammar.RULE));
    }

    @Test
    void renamingThroughTheDefinitionIsRefused() {
        assertThat(VALIDATOR.check(ModelType.VIDEO, RealFixtures.asSentByClient(ModelType.VIDEO), "Wan2.2").violations())
                .extracting(Violation::pointer).containsExactly("/model_name");
    }

    @Test
    void modelTypeKeyNamingAnotherTypeIsRefused() {
        ObjectNode definition = RealFixtures.asSentByClient(ModelType.EMBEDDING);
        definition.put("model_type", "LLM");

        assertThat(VALIDATOR.check(ModelType.EMBEDDING, definition, null).violations())
                .extracting(Violation::pointer).containsExactly("/model_type");
    }

    @Test
    void ggufSpecWithoutFileNameTemplateIsRefused() {
        ObjectNode definition = RealFixtures.asSentByClient(ModelType.LLM);
        spec(definition, 1).put("model_format", "ggufv2"); // the awq spec has no file name templates

        assertThat(VALIDATOR.check(ModelType.LLM, definition, null).violations())
                .extracting(Violation::pointer).containsExactly(
                        "/model_specs/1/model_src/huggingface/model_file_name_template",
                        "/model_specs/1/model_src/modelscope/model_file_name_template");
    }

    @Test
    void fp4SpecIsValidForNewerClientsOnly() {
        ObjectNode definition = RealFixtures.asSentByClient(ModelType.LLM);
        spec(definition, 0).put("model_format", "fp4");

        DefinitionCheck check = VALIDATOR.check(ModelType.LLM, definition, null);

        assertThat(check.valid()).isTrue();
        assertThat(check.compatibility().loadsOnBaselineClient()).isFalse();
        assertThat(check.compatibility().minimumClientVersion()).isEqualTo(DefinitionValidator.NEWER_CLIENTS_ONLY);
        assertThat(check.compatibility().newerClientFeatures()).containsExactly("/model_specs/0/model_format");
    }

    @Test
    void listValuedExtraIndexUrlIsValidForNewerClientsOnly() {
        ObjectNode definition = RealFixtures.asSentByClient(ModelType.AUDIO);
        ((ObjectNode) definition.get("virtualenv")).putArray("extra_index_url").add("https://a.example").add("https://b.example");

        DefinitionCheck check = VALIDATOR.check(ModelType.AUDIO, definition, null);

        assertThat(check.valid()).isTrue();
        assertThat(check.compatibility().newerClientFeatures()).containsExactly("/virtualenv/extra_index_url");
    }

    @Test
    void ggufRerankSpecIsValidForNewerClientsOnly() {
        ObjectNode definition = RealFixtures.asSentByClient(ModelType.RERANK);
        spec(definition, 0).put("model_format", "ggufv2");

        DefinitionCheck check = VALIDATOR.check(ModelType.RERANK, definition, null);

        assertThat(check.valid()).isTrue();
        assertThat(check.compatibility().newerClientFeatures()).containsExactly("/model_specs/0/model_format");
    }

    @Test
    void imageSpecsFormWithoutTopLevelSourceIsValidForNewerClientsOnly() {
        ObjectNode definition = RealFixtures.asSentByClient(ModelType.IMAGE);
        ObjectNode source = (ObjectNode) definition.remove("model_src");
        definition.putArray("model_specs").addObject().put("model_format", "pytorch").set("model_src", source);

        DefinitionCheck check = VALIDATOR.check(ModelType.IMAGE, definition, null);

        assertThat(check.valid()).isTrue();
        assertThat(check.compatibility().newerClientFeatures()).containsExactly("/model_specs");
    }

    @Test
    void newerFeatureDoesNotHideAnUnrelatedViolation() {
        ObjectNode definition = RealFixtures.asSentByClient(ModelType.LLM);
        spec(definition, 0).put("model_format", "fp4");
        definition.remove("model_ability");

        assertThat(VALIDATOR.check(ModelType.LLM, definition, null).violations())
                .extracting(Violation::pointer).containsExactly("/model_ability");
    }

    @Test
    void everyViolationIsListedNotOnlyTheFirst() {
        ObjectNode definition = RealFixtures.asSentByClient(ModelType.EMBEDDING);
        definition.remove("dimensions");
        definition.put("max_tokens", -1);
        definition.put("version", 3);

        assertThat(VALIDATOR.check(ModelType.EMBEDDING, definition, null).violations())
                .extracting(Violation::pointer).containsExactly("/dimensions", "/max_tokens", "/version");
    }

    @Test
    void nonObjectDefinitionIsRefusedAtTheRoot() {
        assertThat(VALIDATOR.check(ModelType.LLM, new ArrayNode(null), null).violations())
                .extracting(Violation::pointer).containsExactly("");
    }

    /** Found by DefinitionValidatorFuzzTest: the schema library's own location string JSON-escaped "\r". */
    @Test
    void pointersNamePropertiesAsRfc6901SaysWhateverTheirCharacters() {
        ObjectNode definition = RealFixtures.asSentByClient(ModelType.LLM);
        ObjectNode sources = (ObjectNode) spec(definition, 0).get("model_src");
        sources.putObject("a/b~\r\"\\");

        assertThat(VALIDATOR.check(ModelType.LLM, definition, null).violations()).extracting(Violation::pointer)
                .contains("/model_specs/0/model_src/a~1b~0\r\"\\/model_id");
    }

    /** Found by DefinitionValidatorFuzzTest: an object where the list of specs belongs made the check throw. */
    @Test
    void specsThatAreNotAListAreAViolationNotAFailure() {
        ObjectNode definition = RealFixtures.asSentByClient(ModelType.LLM);
        definition.putObject("model_specs").put("model_format", "fp4");

        assertThat(VALIDATOR.check(ModelType.LLM, definition, null).violations()).extracting(Violation::pointer)
                .contains("/model_specs");
    }

    private static Arguments twin(ModelType type, String pointer, Consumer<ObjectNode> breakIt) {
        return Arguments.of(type, pointer, breakIt);
    }

    private static ObjectNode spec(ObjectNode definition, int index) {
        return (ObjectNode) definition.get("model_specs").get(index);
    }
}
