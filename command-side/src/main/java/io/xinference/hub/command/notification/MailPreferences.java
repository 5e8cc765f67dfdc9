package io.xinference.hub.command.notification;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Which mails a person gets. New submissions are opt-in and only for reviewers; the rest are on until turned off.
 */
@Schema(description = "Which mails the caller gets")
public record MailPreferences(
        @Schema(description = "the decision on a model you submitted for review") boolean reviewDecisions,
        @Schema(description = "new submissions waiting for review (reviewers only)") boolean newSubmissions,
        @Schema(description = "a week before one of your models expires") boolean expiryReminders,
        @Schema(description = "one of your webhooks was paused because it kept failing") boolean webhookAlerts) {

    public static final MailPreferences DEFAULTS = new MailPreferences(true, false, true, true);
}
