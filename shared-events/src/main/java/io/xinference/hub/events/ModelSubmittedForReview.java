package io.xinference.hub.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.Revision;

/** A review round opened, on the definition and README as they stand at submission. */
@Revision("1")
public record ModelSubmittedForReview(String modelId, String modelName, ModelType modelType, Visibility visibility,
                                      int round, Actor submitter, JsonNode definition,
                                      String readme) implements ModelEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
