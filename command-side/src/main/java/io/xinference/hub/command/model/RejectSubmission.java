package io.xinference.hub.command.model;

import io.xinference.hub.security.CurrentUser;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reject the open review round with feedback (mandatory, not blank).
 * {@code expectedVersion} (from {@code If-Match}) is checked when not null.
 */
public record RejectSubmission(@TargetAggregateIdentifier String modelId, Long expectedVersion,
                               String feedback, CurrentUser caller) implements ModelChangeCommand {
}
