package io.xinference.hub.command.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * JSON built from the fuzzer's bytes, structure-aware so the fuzzer gets past the parser: a known-good document
 * (a real Xinference definition, a valid request body) with a few values replaced, removed, added or nested deep,
 * or an arbitrary value. The same bytes always give the same JSON, so a saved input replays exactly.
 */
final class FuzzedJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Values that tend to break assumptions: types, limits, encodings, markup, paths. */
    private static final String[] AWKWARD_STRINGS = {"", " ", "llm", "LLM", "embedding", "image", "pytorch", "ggufv2",
            "fp4", "none", "4-bit", "null", "true", "0", "-1", "1e999", "NaN", "\u0000", "\uFFFF", "\uD800", "模型", "🚀",
            "../../etc/passwd", "a/b~c", "~1", "%s%n", "${jndi:ldap://x}", "<script>alert(1)</script>", "\r\nX-Evil: 1",
            "2027-01-31T00:00:00Z", "1970-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
            "2027-02-30T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "PUBLIC", "PRIVATE", "ENTERPRISE", "public",
            "model.approved", "OWN_MODELS", "ALL_PUBLIC", "https://example.com/hook", "http://127.0.0.1:1/x",
            "huggingface", "modelscope", "Qwen/Qwen2-7B"};

    private static final String[] AWKWARD_KEYS = {"model_name", "model_type", "model_specs", "model_format",
            "model_size_in_billions", "quantizations", "model_id", "model_src", "updated_at", "is_builtin",
            "virtualenv", "index_url", "model_lang", "model_ability", "context_length", "dimensions", "max_tokens",
            "language", "chat_template", "stop_token_ids", "multimodal_projectors", "modelType", "visibility",
            "definition", "readme", "expiresAt", "feedback", "token", "url", "eventKinds", "scope", "active", "",
            "a/b", "~", "__proto__", "$ref", "@class"};

    private FuzzedJson() {
    }

    /**
     * A copy of {@code seed} with up to {@code maxEdits} edits chosen by the fuzzer: replace a value, remove one,
     * add a property or array element, or bury a value under deep nesting ({@code maxDepth} levels at most).
     */
    static JsonNode mutate(FuzzedDataProvider data, JsonNode seed, int maxEdits, int maxDepth) {
        JsonNode root = seed.deepCopy();
        int edits = data.consumeInt(0, maxEdits);
        for (int i = 0; i < edits; i++) {
            List<Spot> spots = new ArrayList<>();
            collect(root, spots);
            if (spots.isEmpty()) {
                return value(data, 0, maxDepth);
            }
            Spot spot = spots.get(data.consumeInt(0, spots.size() - 1));
            switch (data.consumeInt(0, 4)) {
                case 0 -> spot.replace(value(data, 0, maxDepth));
                case 1 -> spot.remove();
                case 2 -> spot.add(data.consumeBoolean() ? data.pickValue(AWKWARD_KEYS) : data.consumeString(12),
                        value(data, 0, maxDepth));
                case 3 -> spot.replace(nested(spot.current(), data.consumeInt(1, maxDepth), data.consumeBoolean()));
                default -> spot.replace(primitive(data));
            }
        }
        return root;
    }

    /** An arbitrary JSON value, nesting at most {@code maxDepth} levels. */
    static JsonNode value(FuzzedDataProvider data, int depth, int maxDepth) {
        int kind = data.consumeInt(0, depth >= Math.min(maxDepth, 6) ? 1 : 4);
        return switch (kind) {
            case 0, 1 -> primitive(data);
            case 2 -> {
                ArrayNode array = NODES.arrayNode();
                int size = data.consumeInt(0, 4);
                for (int i = 0; i < size; i++) {
                    array.add(value(data, depth + 1, maxDepth));
                }
                yield array;
            }
            case 3 -> nested(primitive(data), data.consumeInt(1, maxDepth), data.consumeBoolean());
            default -> {
                ObjectNode object = NODES.objectNode();
                int size = data.consumeInt(0, 4);
                for (int i = 0; i < size; i++) {
                    String key = data.consumeBoolean() ? data.pickValue(AWKWARD_KEYS) : data.consumeString(12);
                    object.set(key, value(data, depth + 1, maxDepth));
                }
                yield object;
            }
        };
    }

    /** A string, number, boolean or null; numbers include the extremes of every Java and JSON type. */
    static JsonNode primitive(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 9)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(data.consumeBoolean());
            case 2 -> NODES.numberNode(data.consumeInt());
            case 3 -> NODES.numberNode(data.consumeLong());
            case 4 -> NODES.numberNode(data.consumeDouble());
            case 5 -> NODES.numberNode(data.pickValue(new BigDecimal[]{new BigDecimal("1e400"), new BigDecimal("-1e-400"),
                    new BigDecimal("0.1"), BigDecimal.ZERO, new BigDecimal("123456789012345678901234567890.5")}));
            case 6 -> NODES.numberNode(BigInteger.TEN.pow(data.consumeInt(1, 60)).negate());
            case 7 -> NODES.textNode(data.pickValue(AWKWARD_STRINGS));
            case 8 -> NODES.textNode(String.valueOf(data.consumeChar()).repeat(data.consumeInt(0, 300_000)));
            default -> NODES.textNode(data.consumeString(64));
        };
    }

    /** {@code inner} wrapped in {@code depth} arrays or objects. */
    static JsonNode nested(JsonNode inner, int depth, boolean inArrays) {
        JsonNode node = inner;
        for (int i = 0; i < depth; i++) {
            node = inArrays ? NODES.arrayNode().add(node) : NODES.objectNode().set("n", node);
        }
        return node;
    }

    private static void collect(JsonNode node, List<Spot> spots) {
        if (node instanceof ObjectNode object) {
            spots.add(new Spot(object, null, -1));
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                spots.add(new Spot(object, name, -1));
                collect(object.get(name), spots);
            }
        } else if (node instanceof ArrayNode array) {
            spots.add(new Spot(array, null, -1));
            for (int i = 0; i < array.size(); i++) {
                spots.add(new Spot(array, null, i));
                collect(array.get(i), spots);
            }
        }
    }

    /** A place in the tree: a property or element of a container, or the container itself (name null, index -1). */
    private record Spot(ContainerNode<?> container, String name, int index) {

        JsonNode current() {
            if (name != null) {
                return container.get(name);
            }
            return index >= 0 ? container.get(index) : NODES.nullNode();
        }

        void replace(JsonNode value) {
            if (container instanceof ObjectNode object && name != null) {
                object.set(name, value);
            } else if (container instanceof ArrayNode array && index >= 0) {
                array.set(index, value);
            } else {
                add("x", value);
            }
        }

        void remove() {
            if (container instanceof ObjectNode object && name != null) {
                object.remove(name);
            } else if (container instanceof ArrayNode array && index >= 0) {
                array.remove(index);
            } else {
                container.removeAll();
            }
        }

        void add(String key, JsonNode value) {
            if (container instanceof ObjectNode object) {
                object.set(key, value);
            } else if (container instanceof ArrayNode array) {
                array.add(value);
            }
        }
    }
}
