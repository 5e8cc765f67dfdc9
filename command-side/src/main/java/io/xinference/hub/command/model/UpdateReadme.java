package io.xinference.hub.command.model;

import io.xinference.hub.security.CurrentUser;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replace the README (markdown) as a whole.
 * {@code expectedVersion} (from {@code If-Match}) is checked when not null.
 */
public record UpdateReadme(@TargetAggregateIdentifier String modelId, Long expectedVersion,
                           String readme, CurrentUser caller) implements ModelChangeCommand {
}
