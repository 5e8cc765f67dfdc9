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
}
