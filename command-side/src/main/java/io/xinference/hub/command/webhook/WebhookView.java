package io.xinference.hub.command.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/** A webhook as its owner sees it; {@code secret} only in the answer to its creation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(String id, String url, List<String> eventKinds, WebhookScope scope, boolean active,
                          String pausedReason, int consecutiveFailures, Instant createdAt, Instant updatedAt,
                          String secret) {

    static WebhookView of(Webhook hook, String secret) {
        return new WebhookView(hook.id(), hook.url(), hook.eventKinds().stream().map(EventKind::wire).sorted().toList(),
                hook.scope(), hook.active(), hook.pausedReason(), hook.consecutiveFailures(), hook.createdAt(),
                hook.updatedAt(), secret);
    }
}
