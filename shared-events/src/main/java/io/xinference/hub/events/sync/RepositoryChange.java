package io.xinference.hub.events.sync;

/** What the pull request does to the model's entry in the repository file. */
public enum RepositoryChange {
    /** Add the entry, or replace the one with the same {@code model_name}. */
    ADD_OR_REPLACE,
    /** Remove the entry with that {@code model_name} (the model expired or was deleted). */
    REMOVE
}
