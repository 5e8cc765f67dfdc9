package io.xinference.hub.events;

import org.axonframework.serialization.Revision;

/** The model stopped being served, now ({@code MANUAL}) or because its expiration date passed. */
@Revision("1")
public record ModelExpired(String modelId, String modelName, ModelType modelType, Visibility visibility,
                           ExpiryCause cause) implements ModelEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
