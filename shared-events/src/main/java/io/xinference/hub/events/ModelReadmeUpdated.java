package io.xinference.hub.events;

import org.axonframework.serialization.Revision;

/** The README (markdown) was replaced as a whole. */
@Revision("1")
public record ModelReadmeUpdated(String modelId, String modelName, ModelType modelType, Visibility visibility,
                                 String readme) implements ModelEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
