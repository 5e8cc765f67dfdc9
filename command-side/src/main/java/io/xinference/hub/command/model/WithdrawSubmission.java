package io.xinference.hub.command.model;

import io.xinference.hub.security.CurrentUser;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Take the open review round back; the model becomes a draft.
 * {@code expectedVersion} (from {@code If-Match}) is checked when not null.
 */
public record WithdrawSubmission(@TargetAggregateIdentifier String modelId, Long expectedVersion,
                                 CurrentUser caller) implements ModelChangeCommand {
}
