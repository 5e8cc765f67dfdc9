package io.xinference.hub.command.registration;

import io.xinference.hub.events.ModelStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the key's first answer (handled inside the registration's unit of work). */
public record UseRegistrationKey(@TargetAggregateIdentifier String keyId, String requestHash, String modelId,
                                 String modelName, ModelStatus status) {
}
