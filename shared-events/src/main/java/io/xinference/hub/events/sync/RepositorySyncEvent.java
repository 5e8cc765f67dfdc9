package io.xinference.hub.events.sync;

import io.xinference.hub.events.ModelType;

/**
 * What happened when the hub proposed a public model's change to the Xinference repository as a pull request.
 * Every event names the model, so the model page and the audit trail can show the pull request next to it.
 */
public sealed interface RepositorySyncEvent permits RepositorySyncRequested, RepositorySyncPullRequestOpened,
        RepositorySyncPullRequestUpdated, RepositorySyncFailed, RepositorySyncRetried, RepositorySyncSkipped {

    String modelId();

    String modelName();

    ModelType modelType();

    <R> R accept(Visitor<R> visitor);

    /** One method per sync event: implementing it is handling every one (see {@code ModelEvent.Visitor}). */
    interface Visitor<R> {
        R on(RepositorySyncRequested event);

        R on(RepositorySyncPullRequestOpened event);

        R on(RepositorySyncPullRequestUpdated event);

        R on(RepositorySyncFailed event);

        R on(RepositorySyncRetried event);

        R on(RepositorySyncSkipped event);
    }
}
