package io.xinference.hub.command.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;

import java.time.Instant;

/**
 * What the sync process remembers of a public model between its events: enough to know, when the expiration
 * date changes or the model ends, whether it is in the repository and what to write.
 *
 * @param published whether it was ever approved, i.e. whether the repository may hold its entry
 */
public record TrackedModel(String modelId, String modelName, ModelType modelType, Actor owner, ModelStatus status,
                           boolean published, JsonNode definition, Instant changedAt) {

    public TrackedModel with(ModelStatus newStatus, JsonNode newDefinition, Instant at) {
        return new TrackedModel(modelId, modelName, modelType, owner, newStatus,
                published || newStatus == ModelStatus.APPROVED, newDefinition == null ? definition : newDefinition, at);
    }
}
