package io.xinference.hub.command.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Random;

/** Generated JSON values for property-style tests: nested containers, awkward strings and numbers. */
final class RandomJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] PIECES = {"a", "模型", "🚀", "\"", "\\", "\n", "\t", "\u0001", "\u007f", " ", "é",
            "/", "{", "]", ":", ","};
    private static final double[] DOUBLES = {0.5, 1e-5, 1e-4, 100.0, 1e16, 1e15, 3.14, -2.75, 0.1, 6.02e23, 1.5e-7};

    private RandomJson() {
    }

    static JsonNode value(Random random, int depth) {
        int kind = random.nextInt(depth >= 4 ? 5 : 7);
        return switch (kind) {
            case 0 -> NODES.textNode(text(random));
            case 1 -> NODES.numberNode(random.nextInt(2_000_001) - 1_000_000);
            case 2 -> NODES.numberNode(DOUBLES[random.nextInt(DOUBLES.length)]);
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.nullNode();
            case 5 -> array(random, depth);
            default -> object(random, depth);
        };
    }

    static ObjectNode entry(Random random, String modelName) {
        ObjectNode entry = object(random, 1);
        entry.put("model_name", modelName);
        return entry;
    }

    private static ArrayNode array(Random random, int depth) {
        ArrayNode array = NODES.arrayNode();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            array.add(value(random, depth + 1));
        }
        return array;
    }

    private static ObjectNode object(Random random, int depth) {
        ObjectNode object = NODES.objectNode();
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
            object.set(text(random) + i, value(random, depth + 1));
        }
        return object;
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }
}
