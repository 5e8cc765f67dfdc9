package io.xinference.hub.command.notification;

import io.xinference.hub.events.Actor;

import java.time.Instant;

/**
 * What the mail process remembers of a model: who owns it, who last submitted it, when it expires.
 *
 * @param submitter who opened the current review round; {@code null} before any
 */
public record NotifiedModel(String modelId, String modelName, Actor owner, Actor submitter, Instant expiresAt) {

    /** Who hears the review decision: the submitter, else the owner. */
    public Actor decisionRecipient() {
        return submitter != null ? submitter : owner;
    }
}
