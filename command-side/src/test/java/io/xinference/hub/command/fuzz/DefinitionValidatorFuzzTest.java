package io.xinference.hub.command.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.command.definition.DefinitionCheck;
import io.xinference.hub.command.definition.DefinitionValidator;
import io.xinference.hub.command.definition.InvalidDefinitionException;
import io.xinference.hub.command.definition.Violation;
import io.xinference.hub.devstack.Fixtures;
import io.xinference.hub.events.ClientCompatibility;
import io.xinference.hub.events.ModelType;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The definition validator fed arbitrary definitions of every model type: it either accepts one or says what is
 * wrong and where (a JSON pointer into the definition), the same answer every time, never throws anything else,
 * and answers within the timeout. Half the inputs are raw bytes parsed as JSON (what a client can send), half are
 * real Xinference definitions with a few values changed (what gets past the parser into the schema rules).
 *
 * <p>Runs the saved inputs under {@code DefinitionValidatorFuzzTestInputs/} in every test run; {@code ./hub fuzz}
 * fuzzes it.
 */
class DefinitionValidatorFuzzTest {

    /** What Jackson lets through by default, and so what the web layer can hand the validator. */
    static final int MAX_NESTING = 1000;

    private static final DefinitionValidator VALIDATOR = new DefinitionValidator();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ObjectNode> FIXTURES = Fixtures.all();

    @FuzzTest(maxDuration = "30s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    @DictionaryEntries({"\"model_name\"", "\"model_specs\"", "\"model_format\"", "\"quantizations\"",
            "\"model_size_in_billions\"", "\"model_src\"", "\"huggingface\"", "\"model_id\"", "\"is_builtin\"",
            "\"updated_at\"", "\"virtualenv\"", "\"index_url\"", "\"model_type\"", "\"model_lang\"", "\"ggufv2\"",
            "\"fp4\"", "\"pytorch\"", "\\ud800", "\\u0000", "1e400", "-0", "[[[[", "{\"\":"})
    void everyDefinitionIsAcceptedOrExplained(FuzzedDataProvider data) {
        ModelType type = data.pickValue(ModelType.values());
        String expectedName = data.consumeBoolean() ? data.consumeString(20) : null;
        JsonNode definition;
        if (data.consumeBoolean()) {
            try {
                definition = JSON.readTree(data.consumeRemainingAsBytes());
            } catch (IOException notJson) {
                return; // not JSON (or not in an encoding Jackson detects): the web layer answers 400 first
            }
        } else {
            // usually the fixture of the type being checked, sometimes another type's (a plausible mix-up)
            String fixtureType = data.consumeInt(0, 3) == 0 ? data.pickValue(Fixtures.MODEL_TYPES) : type.wire();
            definition = FuzzedJson.mutate(data, FIXTURES.get(fixtureType), 6, MAX_NESTING - 2);
        }

        DefinitionCheck check = VALIDATOR.check(type, definition, expectedName);

        assertThat(check.compatibility()).isNotNull();
        for (Violation violation : check.violations()) {
            assertThat(violation.message()).as("message of %s", violation).isNotBlank();
            assertThat(locates(definition, violation.pointer()))
                    .as("%s points into the definition (or at a missing property of an object in it)", violation)
                    .isTrue();
        }
        assertThat(VALIDATOR.check(type, definition, expectedName)).as("the same answer twice").isEqualTo(check);
        if (check.valid()) {
            ClientCompatibility compatibility = VALIDATOR.requireValid(type, definition, expectedName);
            assertThat(compatibility).isEqualTo(check.compatibility());
            JsonNode stored = VALIDATOR.normalized(definition);
            assertThat(stored.has("updated_at")).as("updated_at is the hub's").isFalse();
            assertThat(stored.has("is_builtin")).as("an accepted definition never claims to be built in").isFalse();
        } else {
            assertThatThrownBy(() -> VALIDATOR.requireValid(type, definition, expectedName))
                    .isInstanceOfSatisfying(InvalidDefinitionException.class,
                            invalid -> assertThat(invalid.violations()).isEqualTo(check.violations()));
        }
    }

    /** An RFC 6901 pointer to a node of the document, or to a missing property of an object in it. */
    static boolean locates(JsonNode document, String pointer) {
        if (pointer.isEmpty()) {
            return true;
        }
        if (!pointer.startsWith("/")) {
            return false;
        }
        JsonPointer parsed;
        try {
            parsed = JsonPointer.compile(pointer);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        if (!document.at(parsed).isMissingNode()) {
            return true;
        }
        JsonNode parent = document.at(parsed.head());
        return parent.isObject();
    }
}
