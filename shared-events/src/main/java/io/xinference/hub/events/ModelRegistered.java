package io.xinference.hub.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A model entered the hub. {@code status} says where it went: {@code APPROVED} (private, or published at once by a
 * holder of the public registration permission) or {@code PENDING_REVIEW} (review round 1 opened).
 */
@Revision("1")
public record ModelRegistered(String modelId, String modelName, ModelType modelType, Visibility visibility,
                              JsonNode definition, String readme, Actor owner, ModelStatus status,
                              Instant expiresAt, ClientCompatibility compatibility) implements ModelEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
