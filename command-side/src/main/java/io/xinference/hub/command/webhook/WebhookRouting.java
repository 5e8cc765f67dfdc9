package io.xinference.hub.command.webhook;

import io.xinference.hub.events.Visibility;

/**
 * Who may hear of a model's event: the one rule that keeps private and enterprise models' events with their owner.
 * An owner's webhook gets its own models' events of any visibility; an admin's all-public webhook gets PUBLIC
 * models' events only; nothing else gets anything.
 */
public final class WebhookRouting {

    private WebhookRouting() {
    }

    /** @param modelOwnerSubject the model's owner, or {@code null} when unknown (then only all-public hooks may) */
    public static boolean receives(Webhook hook, String modelOwnerSubject, Visibility visibility, EventKind kind) {
        if (!hook.active() || !hook.eventKinds().contains(kind)) {
            return false;
        }
        return switch (hook.scope()) {
            case OWN_MODELS -> modelOwnerSubject != null && modelOwnerSubject.equals(hook.owner().subject());
            case ALL_PUBLIC -> visibility == Visibility.PUBLIC;
        };
    }
}
