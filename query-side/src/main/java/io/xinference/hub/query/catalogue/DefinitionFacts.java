package io.xinference.hub.query.catalogue;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The searchable facts inside a Xinference definition. Field names differ per type (v1.13.0 schema):
 * {@code model_lang} (llm) vs {@code language} (embedding, rerank: a list; audio: a string), sizes such as
 * {@code "1_8"} mean 1.8 billion.
 */
public record DefinitionFacts(String description, List<String> abilities, List<String> languages,
                              List<String> formats, List<Double> sizesInBillions, boolean featured) {

    public static DefinitionFacts of(JsonNode definition) {
        if (definition == null || !definition.isObject()) {
            return new DefinitionFacts(null, List.of(), List.of(), List.of(), List.of(), false);
        }
        String description = definition.path("model_description").isTextual()
                ? definition.get("model_description").asText() : null;
        Set<String> languages = new LinkedHashSet<>(strings(definition.get("model_lang")));
        languages.addAll(strings(definition.get("language")));
        Set<String> formats = new LinkedHashSet<>();
        Set<Double> sizes = new LinkedHashSet<>();
        for (JsonNode spec : definition.path("model_specs")) {
            if (spec.path("model_format").isTextual()) {
                formats.add(spec.get("model_format").asText());
            }
            Double size = size(spec.get("model_size_in_billions"));
            if (size != null) {
                sizes.add(size);
            }
        }
        return new DefinitionFacts(description, List.copyOf(new LinkedHashSet<>(strings(definition.get("model_ability")))),
                List.copyOf(languages), List.copyOf(formats), sizes.stream().sorted().toList(),
                definition.path("featured").asBoolean(false));
    }

    /** The same facts, the description taken from the README's first paragraph when the definition has none. */
    public DefinitionFacts describedBy(String readme) {
        if (description != null && !description.isBlank()) {
            return this;
        }
        return new DefinitionFacts(ReadmeSummary.of(readme), abilities, languages, formats, sizesInBillions, featured);
    }

    /** {@code 7}, {@code 0.5}, {@code "1_8"} (= 1.8) or {@code "7"}; anything else has no size. */
    static Double size(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.asText().replace('_', '.')).doubleValue();
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node == null) {
            return values;
        }
        if (node.isTextual()) {
            values.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(element -> {
                if (element.isTextual()) {
                    values.add(element.asText());
                }
            });
        }
        return values;
    }
}
