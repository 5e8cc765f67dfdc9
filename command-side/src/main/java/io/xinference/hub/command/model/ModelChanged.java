package io.xinference.hub.command.model;

import io.xinference.hub.events.ModelStatus;

/** What every change answers: the model, where it stands, and its version (the last event's sequence number). */
public record ModelChanged(String modelId, String modelName, ModelStatus status, long version) {
}
