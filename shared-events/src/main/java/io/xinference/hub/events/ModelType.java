package io.xinference.hub.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** The six kinds of model Xinference loads; the wire value is what Xinference calls {@code model_type}. */
public enum ModelType {
    LLM, EMBEDDING, RERANK, IMAGE, AUDIO, VIDEO;

    @JsonValue
    public String wire() {
        return name().toLowerCase();
    }

    /** The type for a wire value ({@code "llm"}, ...), or empty for anything else. */
    public static Optional<ModelType> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(type -> type.wire().equals(value)).findFirst();
    }

    @JsonCreator
    static ModelType parse(String value) {
        return fromWire(value).orElseThrow(() -> new IllegalArgumentException("unknown model type: " + value));
    }
}
