package io.xinference.hub.events;

import org.axonframework.serialization.Revision;

/** The submitter took an open review round back; the model is a draft again. */
@Revision("1")
public record ModelSubmissionWithdrawn(String modelId, String modelName, ModelType modelType, Visibility visibility,
                                       int round) implements ModelEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
