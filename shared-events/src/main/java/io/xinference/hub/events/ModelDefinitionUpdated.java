package io.xinference.hub.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.Revision;

/** The definition JSON was replaced as a whole; {@code status} is the model's status after the change. */
@Revision("1")
public record ModelDefinitionUpdated(String modelId, String modelName, ModelType modelType, Visibility visibility,
                                     JsonNode definition, ClientCompatibility compatibility,
                                     ModelStatus status) implements ModelEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
