package io.xinference.hub.events.sync;

import io.xinference.hub.events.ModelType;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An attempt failed.
 *
 * @param httpStatus    GitHub's status code, or 0 when no answer came
 * @param attempt       1 for the first try
 * @param nextAttemptAt when the sync is tried again; {@code null} for a permanent failure
 */
@Revision("1")
public record RepositorySyncFailed(String modelId, String modelName, ModelType modelType, FailureKind kind,
                                   String reason, int httpStatus, int attempt,
                                   Instant nextAttemptAt) implements RepositorySyncEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
