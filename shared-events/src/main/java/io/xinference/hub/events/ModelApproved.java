package io.xinference.hub.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.Revision;

/** A reviewer approved a review round: the model is published with this definition. */
@Revision("1")
public record ModelApproved(String modelId, String modelName, ModelType modelType, Visibility visibility,
                            int round, Actor reviewer, JsonNode definition) implements ModelEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
