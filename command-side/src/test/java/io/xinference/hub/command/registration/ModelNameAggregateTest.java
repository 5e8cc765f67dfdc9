package io.xinference.hub.command.registration;

import io.xinference.hub.events.registry.ModelNameClaimed;
import io.xinference.hub.events.registry.ModelNameReleased;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The name's rules: one holder in any letter case, released only by its holder, free again after release. */
class ModelNameAggregateTest {

    private static final String KEY = ModelNameAggregate.idOf("Qwen-Chat");
    private AggregateTestFixture<ModelNameAggregate> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(ModelNameAggregate.class);
    }

    @Test
    void everyLetterCaseOfANameIsOneAggregate() {
        assertThat(ModelNameAggregate.idOf("QWEN-chat")).isEqualTo(KEY).isEqualTo("model-name:qwen-chat");
    }

    @Test
    void aFreeNameIsClaimed() {
        fixture.givenNoPriorActivity()
                .when(new ClaimModelName(KEY, "Qwen-Chat", "m1"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(true)
                .expectEvents(new ModelNameClaimed(KEY, "Qwen-Chat", "m1"));
    }

    @Test
    void aNameHeldByAnotherModelIsRefusedAndNothingIsStored() {
        fixture.given(new ModelNameClaimed(KEY, "Qwen-Chat", "m1"))
                .when(new ClaimModelName(KEY, "qwen-chat", "m2"))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void theHolderClaimingAgainKeepsItWithoutANewEvent() {
        fixture.given(new ModelNameClaimed(KEY, "Qwen-Chat", "m1"))
                .when(new ClaimModelName(KEY, "Qwen-Chat", "m1"))
                .expectResultMessagePayload(true)
                .expectNoEvents();
    }

    @Test
    void theHolderReleasesIt() {
        fixture.given(new ModelNameClaimed(KEY, "Qwen-Chat", "m1"))
                .when(new ReleaseModelName(KEY, "Qwen-Chat", "m1"))
                .expectEvents(new ModelNameReleased(KEY, "Qwen-Chat", "m1"));
    }

    @Test
    void aModelThatDoesNotHoldTheNameCannotReleaseIt() {
        fixture.given(new ModelNameClaimed(KEY, "Qwen-Chat", "m1"))
                .when(new ReleaseModelName(KEY, "Qwen-Chat", "m2"))
                .expectNoEvents();
    }

    @Test
    void aReleasedNameIsClaimedByTheNextModel() {
        fixture.given(new ModelNameClaimed(KEY, "Qwen-Chat", "m1"), new ModelNameReleased(KEY, "Qwen-Chat", "m1"))
                .when(new ClaimModelName(KEY, "QWEN-CHAT", "m2"))
                .expectResultMessagePayload(true)
                .expectEvents(new ModelNameClaimed(KEY, "QWEN-CHAT", "m2"));
    }
}
