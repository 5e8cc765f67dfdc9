package io.xinference.hub.query.reviewqueue;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a reviewer needs to look at: the JSON pointers (RFC 6901) where a submitted definition differs from the
 * last approved one. Objects are compared key by key; arrays and scalars as a whole at their path, because a
 * changed spec list is one thing to review, not many.
 */
public final class DefinitionDiff {

    private DefinitionDiff() {
    }

    public static List<String> changedPaths(JsonNode before, JsonNode after) {
        List<String> paths = new ArrayList<>();
        collect("", before, after, paths);
        return paths;
    }

    private static void collect(String path, JsonNode before, JsonNode after, List<String> paths) {
        if (before != null && after != null && before.isObject() && after.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(keys::add);
            after.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                collect(path + "/" + escape(key), before.get(key), after.get(key), paths);
            }
        } else if (before == null ? after != null : !before.equals(after)) {
            paths.add(path);
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
