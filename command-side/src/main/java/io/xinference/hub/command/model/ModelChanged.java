package io.xinference.hub.command.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.xinference.hub.events.ClientCompatibility;
import io.xinference.hub.events.ModelStatus;

/**
 * What every change answers: the model, where it stands, and its version (the last event's sequence number).
 * Changes that store a definition (registration, definition update) also say which Xinference clients load it.
 */
public record ModelChanged(String modelId, String modelName, ModelStatus status, long version,
                           @JsonInclude(JsonInclude.Include.NON_NULL) ClientCompatibility compatibility) {

    public ModelChanged(String modelId, String modelName, ModelStatus status, long version) {
        this(modelId, modelName, status, version, null);
    }
}
