package io.xinference.hub.events;

import org.axonframework.serialization.Revision;

/** A reviewer rejected a review round with feedback (never blank); the owner may edit and resubmit. */
@Revision("1")
public record ModelRejected(String modelId, String modelName, ModelType modelType, Visibility visibility,
                            int round, Actor reviewer, String feedback) implements ModelEvent {
}
