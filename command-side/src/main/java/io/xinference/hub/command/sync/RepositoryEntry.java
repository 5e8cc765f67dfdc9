package io.xinference.hub.command.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.events.ModelType;

import java.time.Instant;

/**
 * A model definition as it goes into the repository file. Xinference's own files carry {@code updated_at}
 * (epoch seconds) on every entry, and a client keeps whichever copy of a model is newer, so the entry says when
 * the model changed in the hub. {@code is_builtin} is never written: a client would treat the entry as built in.
 */
public final class RepositoryEntry {

    static final String UPDATED_AT = "updated_at";
    private static final String IS_BUILTIN = "is_builtin";

    private RepositoryEntry() {
    }

    /**
     * @throws IllegalArgumentException when the definition belongs to another model or another type's file,
     *                                  which would reproduce the live hub's "audio entry in the LLM file" bug
     */
    public static ObjectNode of(JsonNode definition, ModelType type, String modelName, Instant changedAt) {
        if (!(definition instanceof ObjectNode object)) {
            throw new IllegalArgumentException("the definition of " + modelName + " is not a JSON object");
        }
        if (!modelName.equals(object.path("model_name").asText(null))) {
            throw new IllegalArgumentException("the definition's model_name is not " + modelName);
        }
        JsonNode declaredType = object.get("model_type");
        if (declaredType != null && !type.wire().equals(declaredType.asText())) {
            throw new IllegalArgumentException("the definition of " + modelName + " declares model_type "
                    + declaredType + " but the model is " + type.wire());
        }
        ObjectNode entry = object.deepCopy();
        entry.remove(IS_BUILTIN);
        entry.put(UPDATED_AT, changedAt.getEpochSecond()); // replaces in place, or appends as the last key
        return entry;
    }

    /** The entry's content without its timestamp, to tell a real change from a re-run. */
    static String contentWithoutTimestamp(JsonNode entry) {
        JsonNode copy = entry.deepCopy();
        if (copy instanceof ObjectNode object) {
            object.remove(UPDATED_AT);
        }
        return RepositoryJsonFormat.text(copy);
    }
}
