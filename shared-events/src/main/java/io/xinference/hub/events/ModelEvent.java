package io.xinference.hub.events;

/**
 * Every fact about one model. Each event carries what a reader needs to understand it without loading anything
 * else; who acted, the correlation and request ids travel in the event's metadata (see {@link EventMetadataKeys}).
 */
public sealed interface ModelEvent permits ModelRegistered, ModelDefinitionUpdated, ModelReadmeUpdated,
        ModelSubmittedForReview, ModelSubmissionWithdrawn, ModelApproved, ModelRejected, ModelExpirationDateSet,
        ModelExpired, ModelDeleted {

    String modelId();

    String modelName();
}
