package io.xinference.hub.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The six real model definitions of Xinference v1.13.0, one per type (QwQ-32B, bge-m3, bge-reranker-v2-m3,
 * Qwen-Image, CosyVoice2-0.5B, Wan2.1-1.3B), verbatim. Used by tests and as the demo catalogue.
 */
public final class Fixtures {

    public static final List<String> MODEL_TYPES = List.of("llm", "embedding", "rerank", "image", "audio", "video");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** A fresh, mutable copy of the definition of that type ({@code "llm"}, ...). */
    public static ObjectNode definition(String modelType) {
        String resource = "/fixtures/xinference/v1.13.0/" + modelType + ".json";
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture for model type " + modelType);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All six, by model type, in the order of {@link #MODEL_TYPES}. */
    public static Map<String, ObjectNode> all() {
        Map<String, ObjectNode> all = new LinkedHashMap<>();
        MODEL_TYPES.forEach(type -> all.put(type, definition(type)));
        return all;
    }
}
