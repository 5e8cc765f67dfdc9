package io.xinference.hub.command.sync;

import io.xinference.hub.events.sync.FailureKind;

import java.time.Duration;

/**
 * A sync run that did not get through, with what the schedule needs to decide: retry (and not before
 * {@code retryAfter}, when GitHub said so) or stop.
 *
 * @param httpStatus 0 when GitHub gave no answer (connection refused, timeout)
 * @param retryAfter GitHub's {@code Retry-After} or rate-limit reset, or {@code null}
 */
public class SyncFailure extends Exception {

    private final FailureKind kind;
    private final int httpStatus;
    private final transient Duration retryAfter;

    public SyncFailure(FailureKind kind, int httpStatus, String reason, Duration retryAfter) {
        super(reason);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    public static SyncFailure permanent(int httpStatus, String reason) {
        return new SyncFailure(FailureKind.PERMANENT, httpStatus, reason, null);
    }

    public FailureKind kind() {
        return kind;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public String reason() {
        return getMessage();
    }
}
