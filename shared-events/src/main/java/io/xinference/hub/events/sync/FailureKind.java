package io.xinference.hub.events.sync;

/** Whether trying again can help. */
public enum FailureKind {
    /** GitHub was down or rate limited: the sync is retried later from a persistent schedule. */
    TRANSIENT,
    /** Bad credentials, no permission, a refused change, or retries exhausted: the sync stops. */
    PERMANENT
}
