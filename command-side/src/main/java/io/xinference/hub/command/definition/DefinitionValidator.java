package io.xinference.hub.command.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import io.xinference.hub.events.ClientCompatibility;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.names.ModelNameGrammar;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a definition against the JSON Schema of its model type ({@code classpath:schemas/xinference/<type>.json},
 * the v1.13.0 classes) and tells which clients can load it. Errors explained by a newer-client feature make the
 * definition "newer clients only" instead of invalid; every other error is a violation.
 *
 * <p>The hub owns {@code updated_at} (bumped whenever it serves a changed definition): a client's value is dropped,
 * never stored, so definitions copied from Xinference's own files register as they are. {@code is_builtin} is
 * refused outright: newer clients would trust such an entry as built-in.
 */
@Component
public class DefinitionValidator {

    /** What {@link ClientCompatibility#minimumClientVersion()} says when v1.13.0 cannot load a definition. */
    public static final String NEWER_CLIENTS_ONLY = ">" + ClientCompatibility.BASELINE_CLIENT;

    private final Map<ModelType, Schema> schemas = new EnumMap<>(ModelType.class);

    public DefinitionValidator() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
        for (ModelType type : ModelType.values()) {
            Schema schema = registry.getSchema(SchemaLocation.of("classpath:schemas/xinference/" + type.wire() + ".json"));
            schema.initializeValidators(); // fail at start-up, not at the first request, if a schema is broken
            schemas.put(type, schema);
        }
    }

    static final String HUB_OWNED_TIMESTAMP = "updated_at";
    private static final String IS_BUILTIN_POINTER = "/is_builtin";

    /** The definition as the hub stores it: a copy without the hub-owned {@code updated_at}. */
    public JsonNode normalized(JsonNode definition) {
        if (definition == null || !definition.isObject()) {
            return definition;
        }
        ObjectNode copy = definition.deepCopy();
        copy.remove(HUB_OWNED_TIMESTAMP);
        return copy;
    }

    /**
     * Every violation of the type's rules in the {@link #normalized} definition, and the client range;
     * {@code expectedName} is checked when not null.
     */
    public DefinitionCheck check(ModelType type, JsonNode submitted, String expectedName) {
        JsonNode definition = normalized(submitted);
        if (definition == null || !definition.isObject()) {
            return new DefinitionCheck(List.of(new Violation("", "the definition must be a JSON object")),
                    ClientCompatibility.allClients());
        }
        List<Violation> outOfRange = new ArrayList<>();
        findNonFiniteNumbers(definition, "", outOfRange);
        if (!outOfRange.isEmpty()) {
            // the schema library cannot compare NaN or infinity (it fails with an exception): refuse them first
            return new DefinitionCheck(outOfRange, ClientCompatibility.allClients());
        }
        List<NewerClientFeatures.Feature> features = NewerClientFeatures.find(type, definition);
        Set<String> usedFeatures = new LinkedHashSet<>();
        // one entry per pointer: alternatives (anyOf) and combined rules (allOf) report several messages for one spot
        Map<String, Set<String>> messagesByPointer = new TreeMap<>();
        for (Error error : schemas.get(type).validate(definition)) {
            String pointer = pointerOf(error);
            features.stream().filter(feature -> feature.explains(pointer)).findFirst().ifPresentOrElse(
                    feature -> usedFeatures.add(feature.pointer()),
                    () -> messagesByPointer.computeIfAbsent(pointer, key -> new LinkedHashSet<>()).add(messageOf(pointer, error)));
        }
        for (Violation violation : nameAndTypeViolations(type, definition, expectedName)) {
            messagesByPointer.computeIfAbsent(violation.pointer(), key -> new LinkedHashSet<>()).add(violation.message());
        }
        List<Violation> sorted = messagesByPointer.entrySet().stream()
                .map(entry -> new Violation(entry.getKey(), String.join("; ", entry.getValue())))
                .toList();
        ClientCompatibility compatibility = usedFeatures.isEmpty()
                ? ClientCompatibility.allClients()
                : new ClientCompatibility(NEWER_CLIENTS_ONLY, List.copyOf(usedFeatures));
        return new DefinitionCheck(sorted, compatibility);
    }

    /** Like {@link #check} but throws {@link InvalidDefinitionException} listing every violation. */
    public ClientCompatibility requireValid(ModelType type, JsonNode definition, String expectedName) {
        DefinitionCheck check = check(type, definition, expectedName);
        if (!check.valid()) {
            throw new InvalidDefinitionException(check.violations());
        }
        return check.compatibility();
    }

    /**
     * A number too large for a double (e.g. {@code 1e999}) is read as infinity; JSON itself has no such value.
     * Walked with an explicit stack: a definition may nest a thousand levels deep (found by fuzzing).
     */
    private static void findNonFiniteNumbers(JsonNode root, String rootPointer, List<Violation> found) {
        Deque<Map.Entry<String, JsonNode>> pending = new ArrayDeque<>();
        pending.push(Map.entry(rootPointer, root));
        while (!pending.isEmpty()) {
            Map.Entry<String, JsonNode> next = pending.pop();
            String pointer = next.getKey();
            JsonNode node = next.getValue();
            if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
                found.add(new Violation(pointer, "the number is out of range (larger than a 64-bit floating point)"));
            } else if (node.isObject()) {
                node.properties().forEach(field -> pending.push(Map.entry(pointer + "/" + escape(field.getKey()),
                        field.getValue())));
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    pending.push(Map.entry(pointer + "/" + i, node.get(i)));
                }
            }
        }
        found.sort(java.util.Comparator.comparing(Violation::pointer));
    }

    private static List<Violation> nameAndTypeViolations(ModelType type, JsonNode definition, String expectedName) {
        List<Violation> violations = new ArrayList<>();
        JsonNode name = definition.path("model_name");
        if (name.isTextual()) {
            ModelNameGrammar.problemWith(name.asText())
                    .ifPresent(rule -> violations.add(new Violation("/model_name", rule)));
        }
        if (expectedName != null && name.isTextual() && !expectedName.equals(name.asText())) {
            violations.add(new Violation("/model_name",
                    "model_name is the model's identity and cannot change: expected \"" + expectedName + "\""));
        }
        // Xinference keeps unknown top-level keys; a model_type naming another type would route the entry wrongly
        JsonNode declaredType = definition.path("model_type");
        if (!declaredType.isMissingNode() && !type.wire().equalsIgnoreCase(declaredType.asText())) {
            violations.add(new Violation("/model_type", "model_type says \"" + declaredType.asText()
                    + "\" but the model is registered as " + type.wire()));
        }
        return violations;
    }

    private static String messageOf(String pointer, Error error) {
        return IS_BUILTIN_POINTER.equals(pointer)
                ? "is_builtin may not be set: newer Xinference clients would trust the entry as built-in"
                : error.getMessage();
    }

    /**
     * Where the error is: for a missing or forbidden property, the property itself rather than its parent. Built from
     * the raw segments of the location, escaped as RFC 6901 says: the library's own string form JSON-escapes control
     * characters and quotes in property names, which points at a property that does not exist.
     */
    private static String pointerOf(Error error) {
        NodePath path = error.getInstanceLocation();
        StringBuilder location = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            location.append('/').append(element instanceof String name ? escape(name) : String.valueOf(element));
        }
        String property = error.getProperty();
        boolean aboutChildProperty = property != null
                && ("required".equals(error.getKeyword()) || "dependentRequired".equals(error.getKeyword()));
        return aboutChildProperty ? location + "/" + escape(property) : location.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
