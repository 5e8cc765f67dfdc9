package io.xinference.hub.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.Revision;

import java.util.Optional;

/** A reviewer approved a review round: the model is published with this definition. */
@Revision("1")
public record ModelApproved(String modelId, String modelName, ModelType modelType, Visibility visibility,
                            int round, Actor reviewer, JsonNode definition) implements ModelEvent {

    @Override
    public ModelStatus statusAfter(ModelStatus before) {
        return ModelStatus.APPROVED;
    }

    @Override
    public Optional<Actor> namedPerson() {
        return Optional.ofNullable(reviewer);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
