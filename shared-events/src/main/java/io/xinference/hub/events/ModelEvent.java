package io.xinference.hub.events;

import java.util.Optional;

/**
 * Every fact about one model. Each event carries what a reader needs to understand it without loading anything
 * else; who acted, the correlation and request ids travel in the event's metadata (see {@link EventMetadataKeys}).
 *
 * <p>What every consumer needs is a method here that every event must implement, so a new event that forgets one
 * does not compile: the model's type and visibility (restated by every event), the status the model has after it
 * ({@link #statusAfter}, the one statement of the lifecycle's transitions) and the person the payload names. What
 * differs per event is reached through {@link #accept(Visitor)}: a consumer implements {@link Visitor}, which has
 * one method per event, so adding an event to the visitor turns every consumer that does not handle it into a
 * compile error (Java 17's substitute for an exhaustive {@code switch} over the sealed type).
 */
public sealed interface ModelEvent permits ModelRegistered, ModelDefinitionUpdated, ModelReadmeUpdated,
        ModelSubmittedForReview, ModelSubmissionWithdrawn, ModelApproved, ModelRejected, ModelExpirationDateSet,
        ModelExpired, ModelDeleted {

    String modelId();

    String modelName();

    ModelType modelType();

    Visibility visibility();

    /** The model's status after this event, given the status before it ({@code null} before registration). */
    ModelStatus statusAfter(ModelStatus before);

    /** The person this event's payload names (owner, submitter, reviewer), when it names one. */
    Optional<Actor> namedPerson();

    <R> R accept(Visitor<R> visitor);

    /** One method per model event: implementing it is handling every event. */
    interface Visitor<R> {
        R on(ModelRegistered event);

        R on(ModelDefinitionUpdated event);

        R on(ModelReadmeUpdated event);

        R on(ModelSubmittedForReview event);

        R on(ModelSubmissionWithdrawn event);

        R on(ModelApproved event);

        R on(ModelRejected event);

        R on(ModelExpirationDateSet event);

        R on(ModelExpired event);

        R on(ModelDeleted event);
    }
}
