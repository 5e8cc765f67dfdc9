package io.xinference.hub.events;

import java.util.Optional;

/**
 * The lifecycle's transitions, written once: the status each event leads to, and the person each event's payload
 * names. Both are visitors, so an event added to {@link ModelEvent.Visitor} cannot compile until it says both.
 * The aggregate, the read-model folds, the audit trail and the repository sync all read them from here.
 */
final class ModelLifecycle {

    private ModelLifecycle() {
    }

    static ModelStatus statusAfter(ModelEvent event, ModelStatus before) {
        return event.accept(new ModelEvent.Visitor<>() {
            @Override
            public ModelStatus on(ModelRegistered e) {
                return e.status(); // APPROVED, or PENDING_REVIEW when registration opened round 1
            }

            @Override
            public ModelStatus on(ModelDefinitionUpdated e) {
                return e.status(); // an edit of a rejected model makes it a draft; the event says so
            }

            @Override
            public ModelStatus on(ModelReadmeUpdated e) {
                return before;
            }

            @Override
            public ModelStatus on(ModelSubmittedForReview e) {
                return ModelStatus.PENDING_REVIEW;
            }

            @Override
            public ModelStatus on(ModelSubmissionWithdrawn e) {
                return ModelStatus.DRAFT;
            }

            @Override
            public ModelStatus on(ModelApproved e) {
                return ModelStatus.APPROVED;
            }

            @Override
            public ModelStatus on(ModelRejected e) {
                return ModelStatus.REJECTED;
            }

            @Override
            public ModelStatus on(ModelExpirationDateSet e) {
                return before;
            }

            @Override
            public ModelStatus on(ModelExpired e) {
                return ModelStatus.EXPIRED;
            }

            @Override
            public ModelStatus on(ModelDeleted e) {
                return ModelStatus.DELETED;
            }
        });
    }

    static Optional<Actor> namedPerson(ModelEvent event) {
        return Optional.ofNullable(event.accept(new ModelEvent.Visitor<Actor>() {
            @Override
            public Actor on(ModelRegistered e) {
                return e.owner();
            }

            @Override
            public Actor on(ModelDefinitionUpdated e) {
                return null;
            }

            @Override
            public Actor on(ModelReadmeUpdated e) {
                return null;
            }

            @Override
            public Actor on(ModelSubmittedForReview e) {
                return e.submitter();
            }

            @Override
            public Actor on(ModelSubmissionWithdrawn e) {
                return null;
            }

            @Override
            public Actor on(ModelApproved e) {
                return e.reviewer();
            }

            @Override
            public Actor on(ModelRejected e) {
                return e.reviewer();
            }

            @Override
            public Actor on(ModelExpirationDateSet e) {
                return null;
            }

            @Override
            public Actor on(ModelExpired e) {
                return null;
            }

            @Override
            public Actor on(ModelDeleted e) {
                return null;
            }
        }));
    }
}
