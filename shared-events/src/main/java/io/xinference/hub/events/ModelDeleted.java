package io.xinference.hub.events;

import org.axonframework.serialization.Revision;

/** The model was deleted; its name becomes free again, its history stays. */
@Revision("1")
public record ModelDeleted(String modelId, String modelName, ModelType modelType, Visibility visibility)
        implements ModelEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
