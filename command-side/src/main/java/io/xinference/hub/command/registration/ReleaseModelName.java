package io.xinference.hub.command.registration;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Free the name of the model being deleted (handled inside the deletion's unit of work). */
public record ReleaseModelName(@TargetAggregateIdentifier String nameKey, String modelName, String modelId) {

    public static ReleaseModelName of(String modelName, String modelId) {
        return new ReleaseModelName(ModelNameAggregate.idOf(modelName), modelName, modelId);
    }
}
