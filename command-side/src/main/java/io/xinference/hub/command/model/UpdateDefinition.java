package io.xinference.hub.command.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.security.CurrentUser;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replace the definition JSON as a whole.
 * {@code expectedVersion} (from {@code If-Match}) is checked when not null.
 */
public record UpdateDefinition(@TargetAggregateIdentifier String modelId, Long expectedVersion,
                               JsonNode definition, CurrentUser caller) implements ModelChangeCommand {
}
