package io.xinference.hub.command.outbox;

import java.time.Duration;

/**
 * Doubling back-off with a ceiling, shared by every process that retries from a persistent schedule (repository
 * sync, mails, webhook deliveries).
 *
 * @param first the delay after the first failure
 * @param max   the longest delay
 */
public record RetryBackoff(Duration first, Duration max) {

    public RetryBackoff {
        if (first == null || max == null || first.isNegative()) {
            throw new IllegalArgumentException("back-off needs a first delay >= 0 and a ceiling, got " + first
                    + " and " + max);
        }
    }

    /** The wait before attempt {@code failedAttempts + 1}: {@code first * 2^(failedAttempts - 1)}, at most {@code max}. */
    public Duration after(int failedAttempts) {
        Duration delay = first;
        for (int i = 1; i < failedAttempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
