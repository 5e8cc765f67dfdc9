package io.xinference.hub.command.model;

import io.xinference.hub.security.CurrentUser;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Submit a shared model for review, or resubmit it after a rejection.
 * {@code expectedVersion} (from {@code If-Match}) is checked when not null.
 */
public record SubmitForReview(@TargetAggregateIdentifier String modelId, Long expectedVersion,
                              CurrentUser caller) implements ModelChangeCommand {
}
