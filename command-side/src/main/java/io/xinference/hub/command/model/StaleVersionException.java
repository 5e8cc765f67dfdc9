package io.xinference.hub.command.model;

/** The caller changed a model on a version that is no longer the current one ({@code If-Match} is stale). */
public class StaleVersionException extends RuntimeException {

    private final long currentVersion;

    public StaleVersionException(long expectedVersion, long currentVersion) {
        this(expectedVersion, currentVersion, "the model is at version " + currentVersion + ", not " + expectedVersion
                + ": reload it and apply your change again");
    }

    StaleVersionException(long expectedVersion, long currentVersion, String message) {
        super(message);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
