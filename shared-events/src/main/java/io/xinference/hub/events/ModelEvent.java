package io.xinference.hub.events;

import java.util.Optional;

/**
 * Every fact about one model. Each event carries what a reader needs to understand it without loading anything
 * else; who acted, the correlation and request ids travel in the event's metadata (see {@link EventMetadataKeys}).
 *
 * <p>What every consumer needs is a method here that every event must implement, so a new event that forgets one
 * does not compile: the model's type and visibility (record components every event restates) and
 * {@link #accept(Visitor)}. What differs per event is reached through a {@link Visitor}, which has one method per
 * event: a new event's {@code accept} does not compile until the visitor has a method for it, and then every
 * consumer that does not handle it is a compile error (Java 17's substitute for an exhaustive {@code switch} over
 * the sealed type). The status an event leads to ({@link #statusAfter}) and the person it names
 * ({@link #namedPerson}) are two such visitors, written once in {@link ModelLifecycle}.
 */
public sealed interface ModelEvent permits ModelRegistered, ModelDefinitionUpdated, ModelReadmeUpdated,
        ModelSubmittedForReview, ModelSubmissionWithdrawn, ModelApproved, ModelRejected, ModelExpirationDateSet,
        ModelExpired, ModelDeleted {

    String modelId();

    String modelName();

    ModelType modelType();

    Visibility visibility();

    /**
     * The model's status after this event, given the status before it ({@code null} before registration): the
     * lifecycle's transitions, written once in {@link ModelLifecycle}.
     */
    default ModelStatus statusAfter(ModelStatus before) {
        return ModelLifecycle.statusAfter(this, before);
    }

    /** The person this event's payload names (owner, submitter, reviewer), when it names one. */
    default Optional<Actor> namedPerson() {
        return ModelLifecycle.namedPerson(this);
    }

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
