package io.xinference.hub.command.readme;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.events.ModelType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A README written from the definition alone, for when the model hub has no card or cannot be reached: name,
 * type, description, abilities, languages, a table of formats, sizes and quantizations, and links to the sources.
 * Text from the definition is escaped so it cannot break out of the table or inject HTML.
 */
public final class ReadmeTemplate {

    private ReadmeTemplate() {
    }

    public static String from(ModelType type, JsonNode definition) {
        String name = text(definition.path("model_name"), "unnamed model");
        StringBuilder readme = new StringBuilder();
        readme.append("# ").append(escape(name)).append("\n\n");
        readme.append("- **Type:** ").append(type.wire()).append('\n');
        appendList(readme, "Abilities", definition.path("model_ability"));
        appendList(readme, "Languages", definition.has("model_lang") ? definition.path("model_lang")
                : definition.path("language"));
        if (definition.path("model_family").isTextual()) {
            readme.append("- **Family:** ").append(escape(definition.path("model_family").asText())).append('\n');
        }
        String description = definition.path("model_description").asText("");
        if (!description.isBlank()) {
            readme.append('\n').append(escape(description.strip())).append('\n');
        }
        List<String[]> rows = specRows(definition);
        if (!rows.isEmpty()) {
            readme.append("\n## Formats\n\n| Format | Size (billions) | Quantizations | Hub |\n|---|---|---|---|\n");
            rows.forEach(row -> readme.append("| ").append(String.join(" | ", row)).append(" |\n"));
        }
        Set<String> links = sourceLinks(definition);
        if (!links.isEmpty()) {
            readme.append("\n## Sources\n\n");
            links.forEach(link -> readme.append("- ").append(link).append('\n'));
        }
        return readme.toString();
    }

    /** One row per spec and hub: LLM, embedding and rerank list {@code model_specs}, the others one top-level source. */
    private static List<String[]> specRows(JsonNode definition) {
        List<String[]> rows = new ArrayList<>();
        for (JsonNode spec : definition.path("model_specs")) {
            String format = cell(spec.path("model_format"));
            String size = cell(spec.path("model_size_in_billions"));
            for (Iterator<Map.Entry<String, JsonNode>> hubs = spec.path("model_src").fields(); hubs.hasNext(); ) {
                Map.Entry<String, JsonNode> hub = hubs.next();
                rows.add(new String[]{format, size, joined(hub.getValue().path("quantizations")), escape(hub.getKey())});
            }
        }
        return rows;
    }

    private static Set<String> sourceLinks(JsonNode definition) {
        Set<String> links = new LinkedHashSet<>();
        List<JsonNode> sources = new ArrayList<>();
        sources.add(definition.path("model_src"));
        definition.path("model_specs").forEach(spec -> sources.add(spec.path("model_src")));
        for (JsonNode source : sources) {
            for (Iterator<Map.Entry<String, JsonNode>> hubs = source.fields(); hubs.hasNext(); ) {
                Map.Entry<String, JsonNode> hub = hubs.next();
                String modelId = hub.getValue().path("model_id").asText("");
                // ids with a {quantization} placeholder name many repositories: no single link fits
                if (modelId.isBlank() || modelId.contains("{") || !modelId.matches("[A-Za-z0-9._/-]+")) {
                    continue;
                }
                switch (hub.getKey()) {
                    case "huggingface" -> links.add("[Hugging Face: " + modelId + "](https://huggingface.co/" + modelId + ")");
                    case "modelscope" -> links.add("[ModelScope: " + modelId + "](https://modelscope.cn/models/" + modelId + ")");
                    default -> links.add(escape(hub.getKey()) + ": `" + modelId + "`");
                }
            }
        }
        return links;
    }

    private static void appendList(StringBuilder readme, String label, JsonNode values) {
        String joined = values.isArray() ? joined(values) : escape(values.asText(""));
        if (!joined.isBlank()) {
            readme.append("- **").append(label).append(":** ").append(joined).append('\n');
        }
    }

    private static String joined(JsonNode values) {
        StringJoiner joiner = new StringJoiner(", ");
        values.forEach(value -> joiner.add(escape(value.asText())));
        return joiner.toString();
    }

    private static String cell(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? "" : escape(value.asText());
    }

    private static String text(JsonNode value, String fallback) {
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : fallback;
    }

    /** Table pipes, HTML angle brackets and line breaks would change the document's structure. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replaceAll("\\r?\\n", " ");
    }
}
