package io.xinference.hub.command.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.events.ModelType;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the parts of a definition written for Xinference clients newer than v1.13.0 (the cross-version hazard of
 * the contract, §3). Each feature names the JSON pointers whose v1.13.0 schema errors it explains: such errors mean
 * "newer clients only", not "invalid".
 */
final class NewerClientFeatures {

    /** A newer-client feature found at {@code pointer}; v1.13.0 errors at or under {@code explains} are its doing. */
    record Feature(String pointer, List<String> explains) {

        boolean explains(String errorPointer) {
            return explains.stream().anyMatch(prefix -> errorPointer.equals(prefix) || errorPointer.startsWith(prefix + "/"));
        }
    }

    private static final List<String> LIST_VALUED_PIP_OPTIONS = List.of("index_url", "extra_index_url", "find_links", "trusted_host");

    private NewerClientFeatures() {
    }

    static List<Feature> find(ModelType type, JsonNode definition) {
        List<Feature> features = new ArrayList<>(listValuedPipOptions(definition));
        switch (type) {
            case LLM -> features.addAll(specsWithFormat(definition, "fp4"));
            case RERANK -> features.addAll(specsWithFormat(definition, "ggufv2"));
            case IMAGE -> {
                // newer clients take image specs instead of the top-level model_src that v1.13.0 requires
                if (definition.has("model_specs") && !definition.has("model_src")) {
                    features.add(new Feature("/model_specs", List.of("/model_specs", "/model_src")));
                }
            }
            default -> {
            }
        }
        return features;
    }

    private static List<Feature> listValuedPipOptions(JsonNode definition) {
        JsonNode virtualenv = definition.path("virtualenv");
        return LIST_VALUED_PIP_OPTIONS.stream()
                .filter(option -> virtualenv.path(option).isArray())
                .map(option -> "/virtualenv/" + option)
                .map(pointer -> new Feature(pointer, List.of(pointer)))
                .toList();
    }

    private static List<Feature> specsWithFormat(JsonNode definition, String format) {
        List<Feature> features = new ArrayList<>();
        JsonNode specs = definition.path("model_specs");
        if (!specs.isArray()) {
            return features; // not a list of specs: the schema says so, with its pointer
        }
        for (int i = 0; i < specs.size(); i++) {
            if (format.equals(specs.path(i).path("model_format").asText(null))) {
                String pointer = "/model_specs/" + i + "/model_format";
                features.add(new Feature(pointer, List.of(pointer)));
            }
        }
        return features;
    }
}
