package io.xinference.hub.query.it;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a Xinference v1.13.0 client checks when it loads a downloaded file (docs/xinference-contract.md §1 and §3),
 * written from the contract, independent of the production code.
 */
final class XinferenceLoaderRules {

    private static final Set<String> LLM_FORMATS = Set.of("pytorch", "gptq", "awq", "fp8", "bnb", "mlx", "ggufv2");

    private XinferenceLoaderRules() {
    }

    static List<String> violations(String type, JsonNode body) {
        List<String> violations = new ArrayList<>();
        if (!body.isArray()) {
            violations.add("body is not a bare JSON array");
            return violations;
        }
        for (JsonNode entry : body) {
            String name = entry.path("model_name").asText("<none>");
            String at = type + ":" + name + ": ";
            if (!entry.path("updated_at").isIntegralNumber()) violations.add(at + "updated_at missing or not an integer");
            if (entry.has("is_builtin")) violations.add(at + "is_builtin present");
            if (!io.xinference.hub.names.ModelNameGrammar.isValid(name)) violations.add(at + "bad model_name");
            if (!type.equals("image") && entry.path("version").asInt() != 2) violations.add(at + "version is not 2");
            switch (type) {
                case "llm" -> {
                    requireList(entry, "model_lang", at, violations);
                    requireList(entry, "model_ability", at, violations);
                    specs(entry, at, violations, LLM_FORMATS);
                }
                case "embedding" -> {
                    if (!entry.path("dimensions").isIntegralNumber()) violations.add(at + "dimensions");
                    if (!entry.path("max_tokens").isIntegralNumber()) violations.add(at + "max_tokens");
                    requireList(entry, "language", at, violations);
                    specs(entry, at, violations, Set.of("pytorch", "ggufv2"));
                }
                case "rerank" -> {
                    requireList(entry, "language", at, violations);
                    specs(entry, at, violations, Set.of("pytorch"));
                }
                case "image", "video" -> {
                    if (!entry.path("model_family").isTextual()) violations.add(at + "model_family");
                    sources(entry, at, violations, true);
                }
                case "audio" -> {
                    if (!entry.path("model_family").isTextual()) violations.add(at + "model_family");
                    if (!entry.path("multilingual").isBoolean()) violations.add(at + "multilingual");
                    sources(entry, at, violations, false);
                }
                default -> violations.add(at + "unknown type");
            }
        }
        return violations;
    }

    private static void requireList(JsonNode entry, String field, String at, List<String> violations) {
        if (!entry.path(field).isArray()) violations.add(at + field + " is not a list");
    }

    private static void specs(JsonNode entry, String at, List<String> violations, Set<String> formats) {
        JsonNode specs = entry.path("model_specs");
        if (!specs.isArray() || specs.isEmpty()) {
            violations.add(at + "model_specs missing");
            return;
        }
        for (JsonNode spec : specs) {
            String format = spec.path("model_format").asText();
            if (!formats.contains(format)) violations.add(at + "format " + format);
            // v2 definitions carry the file name template per source
            if (format.equals("ggufv2")) {
                spec.path("model_src").forEach(source -> {
                    if (!source.path("model_file_name_template").isTextual()) violations.add(at + "gguf template");
                });
            }
            if (!spec.path("model_src").isObject() || spec.path("model_src").isEmpty()) violations.add(at + "spec model_src");
            spec.path("model_src").forEach(source -> {
                if (!source.path("quantizations").isArray()) violations.add(at + "quantizations");
            });
        }
    }

    private static void sources(JsonNode entry, String at, List<String> violations, boolean revisionRequired) {
        JsonNode sources = entry.path("model_src");
        if (!sources.isObject() || sources.isEmpty()) {
            violations.add(at + "model_src missing");
            return;
        }
        sources.forEach(source -> {
            if (!source.path("model_id").isTextual()) violations.add(at + "model_id");
            if (revisionRequired && !source.path("model_revision").isTextual()) violations.add(at + "model_revision");
        });
    }
}
