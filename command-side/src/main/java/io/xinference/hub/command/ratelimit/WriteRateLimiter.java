package io.xinference.hub.command.ratelimit;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * One token bucket-like limiter per caller (resilience4j {@link RateLimiter}, a fixed window that refills
 * {@code burst} permits every {@code burst / writesPerMinute} minutes): on average {@code writesPerMinute}, with up
 * to {@code burst} writes at once. Never waits: a write over the limit is refused at once, with the time until the
 * next permit.
 */
public final class WriteRateLimiter {

    private final RateLimiterRegistry limiters;
    private final Duration refreshPeriod;

    public WriteRateLimiter(int writesPerMinute, int burst) {
        if (writesPerMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("writes per minute and burst must be positive");
        }
        int permits = Math.min(burst, writesPerMinute);
        this.refreshPeriod = Duration.ofNanos(Duration.ofMinutes(1).toNanos() * permits / writesPerMinute);
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(permits)
                .limitRefreshPeriod(refreshPeriod)
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    /** Takes a permit for that caller: empty if granted, else the seconds (≥ 1) to wait before the next one. */
    public OptionalLong acquire(String subject) {
        RateLimiter limiter = limiters.rateLimiter("writes:" + subject);
        if (limiter.acquirePermission()) {
            return OptionalLong.empty();
        }
        long nanos = limiter instanceof AtomicRateLimiter atomic
                ? atomic.getDetailedMetrics().getNanosToWait() : refreshPeriod.toNanos();
        return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    Duration refreshPeriod() {
        return refreshPeriod;
    }
}
