package io.xinference.hub.events.sync;

import io.xinference.hub.events.ModelType;
import org.axonframework.serialization.Revision;

/** A sync that failed transiently is being tried again; {@code attempt} is 2 for the first retry. */
@Revision("1")
public record RepositorySyncRetried(String modelId, String modelName, ModelType modelType,
                                    int attempt) implements RepositorySyncEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
