package io.xinference.hub.query.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The changes between two JSON documents, one entry per JSON pointer (RFC 6901) where they differ. Objects are
 * compared key by key and arrays element by element, so an auditor sees the exact leaf that changed; a value
 * whose kind changed (object to array, scalar to object...) is one change at its path. Pure.
 */
public final class JsonPointerDiff {

    private JsonPointerDiff() {
    }

    public enum Operation { ADDED, REMOVED, CHANGED }

    /** {@code before}/{@code after} are null for an added/removed value. */
    public record Change(String pointer, Operation operation, JsonNode before, JsonNode after) {
    }

    public static List<Change> between(JsonNode before, JsonNode after) {
        List<Change> changes = new ArrayList<>();
        collect("", absentAsNull(before), absentAsNull(after), changes);
        return changes;
    }

    private static void collect(String pointer, JsonNode before, JsonNode after, List<Change> changes) {
        if (before == null && after == null) {
            return;
        }
        if (before == null) {
            changes.add(new Change(pointer, Operation.ADDED, null, after));
        } else if (after == null) {
            changes.add(new Change(pointer, Operation.REMOVED, before, null));
        } else if (before.isObject() && after.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(keys::add);
            after.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                collect(pointer + "/" + escape(key), before.get(key), after.get(key), changes);
            }
        } else if (before.isArray() && after.isArray()) {
            for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                collect(pointer + "/" + i, before.get(i), after.get(i), changes);
            }
        } else if (!before.equals(after)) {
            changes.add(new Change(pointer, Operation.CHANGED, before, after));
        }
    }

    private static JsonNode absentAsNull(JsonNode node) {
        return node == null || node.isMissingNode() ? null : node;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
