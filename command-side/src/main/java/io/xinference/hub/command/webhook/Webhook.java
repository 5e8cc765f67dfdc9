package io.xinference.hub.command.webhook;

import io.xinference.hub.events.Actor;

import java.time.Instant;
import java.util.Set;

/**
 * A registered receiver. The signing secret is not part of it: it is shown once at creation and otherwise only
 * read, sealed, by the delivery worker.
 *
 * @param active              {@code false} when paused (by its owner, or after failing too often)
 * @param pausedReason        why the hub paused it; {@code null} when active or paused by the owner
 * @param consecutiveFailures failed attempts since the last success
 */
public record Webhook(String id, Actor owner, String url, Set<EventKind> eventKinds, WebhookScope scope,
                      boolean active, String pausedReason, int consecutiveFailures, Instant createdAt,
                      Instant updatedAt) {
}
