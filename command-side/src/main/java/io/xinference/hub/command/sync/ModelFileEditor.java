package io.xinference.hub.command.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.events.sync.RepositoryChange;

import java.io.IOException;

/**
 * Replaces, adds or removes one model's entry, found by {@code model_name}, in a repository model file (a JSON
 * array of entries) and rewrites the file whole in the repository's format. Every other entry keeps its keys,
 * their order and its values.
 */
public final class ModelFileEditor {

    /**
     * @param content       the new file
     * @param entryExisted  whether the file had an entry of that name before
     * @param changed       whether the entry really changed (ignoring {@code updated_at}); nothing to propose if not
     */
    public record Edit(byte[] content, boolean entryExisted, boolean changed) {
    }

    private ModelFileEditor() {
    }

    /** Whether the file has an entry with that {@code model_name}. */
    public static boolean hasEntry(byte[] file, String modelName) throws InvalidRepositoryFileException {
        return indexOf(entries(file), modelName) >= 0;
    }

    /**
     * @param entry the new entry for {@link RepositoryChange#ADD_OR_REPLACE}, ignored for a removal
     */
    public static Edit apply(byte[] file, String modelName, RepositoryChange change, ObjectNode entry)
            throws InvalidRepositoryFileException {
        ArrayNode entries = entries(file);
        int index = indexOf(entries, modelName);
        boolean existed = index >= 0;
        boolean changed;
        if (change == RepositoryChange.REMOVE) {
            changed = existed;
            for (int i = entries.size() - 1; i >= 0; i--) {
                if (hasName(entries.get(i), modelName)) {
                    entries.remove(i);
                }
            }
        } else if (existed) {
            changed = !RepositoryEntry.contentWithoutTimestamp(entries.get(index))
                    .equals(RepositoryEntry.contentWithoutTimestamp(entry));
            entries.set(index, entry);
        } else {
            changed = true;
            entries.add(entry);
        }
        return new Edit(RepositoryJsonFormat.write(entries), existed, changed);
    }

    private static ArrayNode entries(byte[] file) throws InvalidRepositoryFileException {
        JsonNode root;
        try {
            root = RepositoryJsonFormat.read(file);
        } catch (IOException e) {
            throw new InvalidRepositoryFileException("the repository file is not valid JSON: " + e.getMessage());
        }
        if (!(root instanceof ArrayNode array)) {
            throw new InvalidRepositoryFileException("the repository file is not a JSON array of model entries");
        }
        return array;
    }

    private static int indexOf(ArrayNode entries, String modelName) {
        for (int i = 0; i < entries.size(); i++) {
            if (hasName(entries.get(i), modelName)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasName(JsonNode entry, String modelName) {
        return entry instanceof ObjectNode && modelName.equals(entry.path("model_name").asText(null));
    }
}
