package io.xinference.hub.command.registration;

import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.registry.RegistrationKeyUsed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An Idempotency-Key records one answer, once; its identity is the caller and the key together. */
class RegistrationKeyAggregateTest {

    private static final String KEY = RegistrationKeyAggregate.idOf("alice-subject", "retry-1");
    private AggregateTestFixture<RegistrationKeyAggregate> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(RegistrationKeyAggregate.class);
    }

    @Test
    void theKeyBelongsToItsCaller() {
        assertThat(RegistrationKeyAggregate.idOf("alice-subject", "retry-1")).isEqualTo(KEY);
        assertThat(RegistrationKeyAggregate.idOf("bob-subject", "retry-1")).isNotEqualTo(KEY);
        assertThat(KEY).startsWith("registration-key:").doesNotContain("alice").doesNotContain("retry-1");
    }

    @Test
    void aNewKeyRecordsTheFirstAnswer() {
        fixture.givenNoPriorActivity()
                .when(new UseRegistrationKey(KEY, "hash-1", "m1", "qwq", ModelStatus.APPROVED))
                .expectEvents(new RegistrationKeyUsed(KEY, "hash-1", "m1", "qwq", ModelStatus.APPROVED));
    }

    @Test
    void aUsedKeyIsNotUsedAgainEvenForTheSameRequest() {
        fixture.given(new RegistrationKeyUsed(KEY, "hash-1", "m1", "qwq", ModelStatus.APPROVED))
                .when(new UseRegistrationKey(KEY, "hash-1", "m2", "qwq", ModelStatus.APPROVED))
                .expectException(RegistrationKeyAggregate.RegistrationKeyAlreadyUsed.class)
                .expectNoEvents();
    }
}
