package io.xinference.hub.command.webhook;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * What an owner registers or changes. Event kinds arrive as strings so an unknown one is answered with its
 * pointer rather than as a malformed body.
 *
 * @param scope  {@code OWN_MODELS} (default) or, for admins, {@code ALL_PUBLIC}; fixed after creation
 * @param active on a change: {@code false} pauses, {@code true} resumes (and forgets past failures)
 */
public record WebhookRequest(
        @Schema(description = "HTTPS receiver URL", example = "https://ci.example.com/hooks/models-hub") String url,
        @Schema(description = "event kinds to receive", example = "[\"model.approved\", \"model.expired\"]")
        List<String> eventKinds,
        @Schema(description = "OWN_MODELS (default) or ALL_PUBLIC (admins)") WebhookScope scope,
        @Schema(description = "false pauses, true resumes; default true") Boolean active) {
}
