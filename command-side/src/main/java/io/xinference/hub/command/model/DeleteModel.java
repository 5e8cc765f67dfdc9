package io.xinference.hub.command.model;

import io.xinference.hub.security.CurrentUser;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Delete the model; its name becomes free again, its history stays.
 * {@code expectedVersion} (from {@code If-Match}) is checked when not null.
 */
public record DeleteModel(@TargetAggregateIdentifier String modelId, Long expectedVersion,
                          CurrentUser caller) implements ModelChangeCommand {
}
