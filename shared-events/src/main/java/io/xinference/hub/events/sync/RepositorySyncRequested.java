package io.xinference.hub.events.sync;

import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelType;
import org.axonframework.serialization.Revision;

/**
 * A change to a published public model must reach the repository; the sync runs in the background.
 *
 * @param cause       the model event that asked for it ({@code ModelApproved}, {@code ModelExpired}, ...)
 * @param requestedBy the person whose action caused it; their login signs the pull request
 */
@Revision("1")
public record RepositorySyncRequested(String modelId, String modelName, ModelType modelType, RepositoryChange change,
                                      String cause, Actor requestedBy) implements RepositorySyncEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
