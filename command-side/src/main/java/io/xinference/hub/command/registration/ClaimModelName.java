package io.xinference.hub.command.registration;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take the name for the model being registered (handled inside the registration's unit of work). */
public record ClaimModelName(@TargetAggregateIdentifier String nameKey, String modelName, String modelId) {

    public static ClaimModelName of(String modelName, String modelId) {
        return new ClaimModelName(ModelNameAggregate.idOf(modelName), modelName, modelId);
    }
}
