package io.xinference.hub.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The scheduled expiration date was set, changed, or cleared ({@code expiresAt == null}). */
@Revision("1")
public record ModelExpirationDateSet(String modelId, String modelName, ModelType modelType, Visibility visibility,
                                     Instant expiresAt) implements ModelEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
