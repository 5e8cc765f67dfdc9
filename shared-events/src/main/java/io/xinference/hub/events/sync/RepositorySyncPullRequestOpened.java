package io.xinference.hub.events.sync;

import io.xinference.hub.events.ModelType;
import org.axonframework.serialization.Revision;

/** A new pull request proposes the model's change. */
@Revision("1")
public record RepositorySyncPullRequestOpened(String modelId, String modelName, ModelType modelType,
                                              String repository, int number, String url, String branch,
                                              String title) implements RepositorySyncEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
