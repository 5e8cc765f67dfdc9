package io.xinference.hub.command.model;

import io.xinference.hub.security.CurrentUser;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Expire the model now.
 * {@code expectedVersion} (from {@code If-Match}) is checked when not null.
 */
public record ExpireModel(@TargetAggregateIdentifier String modelId, Long expectedVersion,
                          CurrentUser caller) implements ModelChangeCommand {
}
