package io.xinference.hub.command.sync;

import io.xinference.hub.events.ModelType;

/**
 * Which file in xorbitsai/inference holds a type's built-in models. Derived from the enum only, never from
 * text a user wrote, so no entry can land in another type's file and no path is built from a template.
 */
public final class RepositoryFiles {

    private RepositoryFiles() {
    }

    public static String pathFor(ModelType type) {
        return switch (type) {
            case LLM -> "xinference/model/llm/llm_family.json";
            case EMBEDDING -> "xinference/model/embedding/model_spec.json";
            case RERANK -> "xinference/model/rerank/model_spec.json";
            case IMAGE -> "xinference/model/image/model_spec.json";
            case AUDIO -> "xinference/model/audio/model_spec.json";
            case VIDEO -> "xinference/model/video/model_spec.json";
        };
    }
}
