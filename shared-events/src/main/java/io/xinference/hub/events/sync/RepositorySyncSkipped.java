package io.xinference.hub.events.sync;

import io.xinference.hub.events.ModelType;
import org.axonframework.serialization.Revision;

/** No pull request was needed or possible, and why (no GitHub token, the repository already matches, ...). */
@Revision("1")
public record RepositorySyncSkipped(String modelId, String modelName, ModelType modelType,
                                    String reason) implements RepositorySyncEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
