package io.xinference.hub.command.model;

import io.xinference.hub.security.CurrentUser;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Approve the open review round: the model is published.
 * {@code expectedVersion} (from {@code If-Match}) is checked when not null.
 */
public record ApproveSubmission(@TargetAggregateIdentifier String modelId, Long expectedVersion,
                                CurrentUser caller) implements ModelChangeCommand {
}
