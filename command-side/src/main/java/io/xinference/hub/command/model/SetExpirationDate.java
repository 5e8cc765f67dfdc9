package io.xinference.hub.command.model;

import io.xinference.hub.security.CurrentUser;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Set, change or clear ({@code expiresAt == null}) the date the model expires by itself.
 * {@code expectedVersion} (from {@code If-Match}) is checked when not null.
 */
public record SetExpirationDate(@TargetAggregateIdentifier String modelId, Long expectedVersion,
                                Instant expiresAt, CurrentUser caller) implements ModelChangeCommand {
}
