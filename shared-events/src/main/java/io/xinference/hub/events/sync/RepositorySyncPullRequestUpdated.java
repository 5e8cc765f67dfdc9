package io.xinference.hub.events.sync;

import io.xinference.hub.events.ModelType;
import org.axonframework.serialization.Revision;

/** The model's already open pull request got a new commit instead of a second pull request being opened. */
@Revision("1")
public record RepositorySyncPullRequestUpdated(String modelId, String modelName, ModelType modelType,
                                               String repository, int number, String url, String branch,
                                               String title) implements RepositorySyncEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
