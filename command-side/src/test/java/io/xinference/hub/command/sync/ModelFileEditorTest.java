package io.xinference.hub.command.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.devstack.Fixtures;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.sync.RepositoryChange;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelFileEditorTest {

    private static final Instant QWQ_UPDATED_AT = Instant.ofEpochSecond(Fixtures.definition("llm").get("updated_at").asLong());

    @Test
    void replacingAnEntryWithItselfChangesNoByte() throws Exception {
        byte[] file = RepositoryTestFiles.bytes("llm_family.json");
        ObjectNode qwq = RepositoryEntry.of(Fixtures.definition("llm"), ModelType.LLM, "QwQ-32B", QWQ_UPDATED_AT);

        ModelFileEditor.Edit edit = ModelFileEditor.apply(file, "QwQ-32B", RepositoryChange.ADD_OR_REPLACE, qwq);

        assertThat(edit.changed()).isFalse();
        assertThat(edit.entryExisted()).isTrue();
        assertThat(edit.content()).isEqualTo(file);
    }

    @Test
    void addingARealEntryGivesTheFileAsPythonWouldWriteIt() throws Exception {
        byte[] without = RepositoryTestFiles.bytes("llm_family-without-qwq.json");
        ObjectNode qwq = RepositoryEntry.of(Fixtures.definition("llm"), ModelType.LLM, "QwQ-32B", QWQ_UPDATED_AT);

        ModelFileEditor.Edit edit = ModelFileEditor.apply(without, "QwQ-32B", RepositoryChange.ADD_OR_REPLACE, qwq);

        assertThat(edit.changed()).isTrue();
        assertThat(edit.entryExisted()).isFalse();
        assertThat(new String(edit.content(), StandardCharsets.UTF_8))
                .isEqualTo(new String(RepositoryTestFiles.bytes("llm_family.json"), StandardCharsets.UTF_8));
    }

    @Test
    void removingAnEntryLeavesTheOthersAsTheyWere() throws Exception {
        ModelFileEditor.Edit edit = ModelFileEditor.apply(RepositoryTestFiles.bytes("llm_family.json"), "QwQ-32B",
                RepositoryChange.REMOVE, null);

        assertThat(edit.changed()).isTrue();
        assertThat(edit.content()).isEqualTo(RepositoryTestFiles.bytes("llm_family-without-qwq.json"));
    }

    @Test
    void removingAnAbsentEntryIsNoChange() throws Exception {
        byte[] file = RepositoryTestFiles.bytes("llm_family-without-qwq.json");

        ModelFileEditor.Edit edit = ModelFileEditor.apply(file, "QwQ-32B", RepositoryChange.REMOVE, null);

        assertThat(edit.changed()).isFalse();
        assertThat(edit.content()).isEqualTo(file);
    }

    @Test
    void aChangedEntryIsReplacedInPlaceKeepingItsKeyOrder() throws Exception {
        ObjectNode changed = Fixtures.definition("llm");
        changed.put("context_length", 65536);
        ObjectNode entry = RepositoryEntry.of(changed, ModelType.LLM, "QwQ-32B", Instant.ofEpochSecond(1800000000));

        ModelFileEditor.Edit edit = ModelFileEditor.apply(RepositoryTestFiles.bytes("llm_family.json"), "QwQ-32B",
                RepositoryChange.ADD_OR_REPLACE, entry);

        String before = new String(RepositoryTestFiles.bytes("llm_family.json"), StandardCharsets.UTF_8);
        String expected = before.replace("\"context_length\": 131072", "\"context_length\": 65536")
                .replace("\"updated_at\": " + QWQ_UPDATED_AT.getEpochSecond(), "\"updated_at\": 1800000000");
        assertThat(edit.changed()).isTrue();
        assertThat(new String(edit.content(), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void onlyTheTimestampDifferingIsNoChange() throws Exception {
        ObjectNode entry = RepositoryEntry.of(Fixtures.definition("llm"), ModelType.LLM, "QwQ-32B",
                Instant.ofEpochSecond(1900000000));

        ModelFileEditor.Edit edit = ModelFileEditor.apply(RepositoryTestFiles.bytes("llm_family.json"), "QwQ-32B",
                RepositoryChange.ADD_OR_REPLACE, entry);

        assertThat(edit.changed()).isFalse();
    }

    @Test
    void aFileThatIsNotAnArrayIsRefused() {
        byte[] object = "{\"model_name\": \"x\"}\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ModelFileEditor.apply(object, "x", RepositoryChange.REMOVE, null))
                .isInstanceOf(InvalidRepositoryFileException.class);
    }

    @Test
    void anEntryDeclaringAnotherTypeIsRefusedBeforeItReachesAFile() {
        ObjectNode audio = Fixtures.definition("audio");
        audio.put("model_type", "audio");

        assertThatThrownBy(() -> RepositoryEntry.of(audio, ModelType.LLM, audio.get("model_name").asText(),
                Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model_type");
    }

    @Test
    void isBuiltinIsNeverWritten() {
        ObjectNode definition = Fixtures.definition("embedding");
        definition.put("is_builtin", true);

        ObjectNode entry = RepositoryEntry.of(definition, ModelType.EMBEDDING, "bge-m3", Instant.EPOCH);

        assertThat(entry.has("is_builtin")).isFalse();
    }

    @Test
    void everyTypeGoesToItsOwnFile() {
        assertThat(RepositoryFiles.pathFor(ModelType.LLM)).isEqualTo("xinference/model/llm/llm_family.json");
        assertThat(RepositoryFiles.pathFor(ModelType.AUDIO)).isEqualTo("xinference/model/audio/model_spec.json");
        for (ModelType type : ModelType.values()) {
            assertThat(RepositoryFiles.pathFor(type)).startsWith("xinference/model/" + type.wire() + "/")
                    .doesNotContain("{");
        }
    }

    /**
     * Property: in a file of generated entries, replacing or removing one entry leaves every other entry's text
     * and position as it was, and the result reads back to the intended list.
     */
    @Test
    void anEditTouchesOnlyItsEntryForGeneratedFiles() throws Exception {
        Random random = new Random(7);
        for (int run = 0; run < 200; run++) {
            ArrayNode entries = JsonNodeFactory.instance.arrayNode();
            int size = 1 + random.nextInt(6);
            for (int i = 0; i < size; i++) {
                entries.add(RandomJson.entry(random, "model-" + i));
            }
            byte[] file = RepositoryJsonFormat.write(entries);
            int target = random.nextInt(size);
            boolean remove = random.nextBoolean();
            ObjectNode replacement = RandomJson.entry(random, "model-" + target);

            ModelFileEditor.Edit edit = ModelFileEditor.apply(file, "model-" + target,
                    remove ? RepositoryChange.REMOVE : RepositoryChange.ADD_OR_REPLACE, replacement);

            ArrayNode expected = entries.deepCopy();
            if (remove) {
                expected.remove(target);
            } else {
                expected.set(target, replacement);
            }
            JsonNode result = RepositoryJsonFormat.read(edit.content());
            assertThat(edit.content()).as("run %d", run).isEqualTo(RepositoryJsonFormat.write(expected));
            assertThat(result.size()).isEqualTo(expected.size());
        }
    }
}
