package io.xinference.hub.command.webhook;

import io.xinference.hub.events.Actor;
import io.xinference.hub.events.Visibility;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookRoutingTest {

    private static final Actor ALICE = new Actor("alice-subject", "alice");
    private static final Actor ADAM = new Actor("adam-subject", "adam");

    @Test
    void anOwnersHookHearsOfItsOwnModelsWhateverTheirVisibility() {
        Webhook alices = hook(ALICE, WebhookScope.OWN_MODELS, true);

        for (Visibility visibility : Visibility.values()) {
            assertThat(WebhookRouting.receives(alices, ALICE.subject(), visibility, EventKind.MODEL_APPROVED)).isTrue();
        }
    }

    @Test
    void anOwnersHookNeverHearsOfSomeoneElsesModel() {
        Webhook alices = hook(ALICE, WebhookScope.OWN_MODELS, true);

        for (Visibility visibility : Visibility.values()) {
            assertThat(WebhookRouting.receives(alices, "bob-subject", visibility, EventKind.MODEL_APPROVED)).isFalse();
        }
        assertThat(WebhookRouting.receives(alices, null, Visibility.PUBLIC, EventKind.MODEL_APPROVED)).isFalse();
    }

    @Test
    void anAllPublicHookHearsOfPublicModelsOnlyNeverPrivateOrEnterprise() {
        Webhook adams = hook(ADAM, WebhookScope.ALL_PUBLIC, true);

        assertThat(WebhookRouting.receives(adams, "bob-subject", Visibility.PUBLIC, EventKind.MODEL_APPROVED)).isTrue();
        assertThat(WebhookRouting.receives(adams, "bob-subject", Visibility.PRIVATE, EventKind.MODEL_APPROVED)).isFalse();
        assertThat(WebhookRouting.receives(adams, "bob-subject", Visibility.ENTERPRISE, EventKind.MODEL_APPROVED)).isFalse();
        // not even the admin's own private model through the all-public hook
        assertThat(WebhookRouting.receives(adams, ADAM.subject(), Visibility.PRIVATE, EventKind.MODEL_APPROVED)).isFalse();
    }

    @Test
    void onlyTheSubscribedKindsArrive() {
        Webhook alices = hook(ALICE, WebhookScope.OWN_MODELS, true);

        assertThat(WebhookRouting.receives(alices, ALICE.subject(), Visibility.PRIVATE, EventKind.MODEL_DELETED)).isFalse();
    }

    @Test
    void aPausedHookGetsNothingNew() {
        Webhook paused = hook(ALICE, WebhookScope.OWN_MODELS, false);

        assertThat(WebhookRouting.receives(paused, ALICE.subject(), Visibility.PRIVATE, EventKind.MODEL_APPROVED)).isFalse();
    }

    private static Webhook hook(Actor owner, WebhookScope scope, boolean active) {
        return new Webhook("hook", owner, "https://example.com/hook",
                EnumSet.of(EventKind.MODEL_APPROVED, EventKind.MODEL_REGISTERED), scope, active, null, 0,
                Instant.EPOCH, Instant.EPOCH);
    }
}
