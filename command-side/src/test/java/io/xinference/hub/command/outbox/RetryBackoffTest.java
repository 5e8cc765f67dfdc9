package io.xinference.hub.command.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(30), Duration.ofMinutes(5));

    @Test
    void theFirstRetryWaitsTheFirstDelay() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void eachFurtherFailureDoublesTheWait() {
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(240));
    }

    @Test
    void theWaitNeverExceedsTheCeilingHoweverManyFailures() {
        assertThat(backoff.after(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.after(1_000_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aCeilingBelowTheFirstDelayCapsEvenTheFirstRetry() {
        assertThat(new RetryBackoff(Duration.ofMinutes(10), Duration.ofMinutes(1)).after(1)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aNegativeDelayIsRefused() {
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(-1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
