package io.xinference.hub.query.reviewqueue;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelApproved;
import io.xinference.hub.events.ModelDefinitionUpdated;
import io.xinference.hub.events.ModelDeleted;
import io.xinference.hub.events.ModelEvent;
import io.xinference.hub.events.ModelExpired;
import io.xinference.hub.events.ModelReadmeUpdated;
import io.xinference.hub.events.ModelRegistered;
import io.xinference.hub.events.ModelRejected;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelSubmissionWithdrawn;
import io.xinference.hub.events.ModelSubmittedForReview;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.query.projection.EventFacts;
import io.xinference.hub.query.projection.ModelEvents;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The review queue's fold; pure like the catalogue's. */
public final class ReviewQueueApplier {

    private ReviewQueueApplier() {
    }

    public static Optional<ReviewQueueDocument> apply(ReviewQueueDocument current, ModelEvent event,
                                                      EventFacts facts) {
        if (current != null && facts.sequence() <= current.version()) {
            return Optional.empty();
        }
        if (current == null && !(event instanceof ModelRegistered)) {
            throw new IllegalStateException("event " + event.getClass().getSimpleName() + " #" + facts.sequence()
                    + " for model " + event.modelId() + " which the review queue has not seen registered");
        }
        Draft d = current == null ? new Draft() : new Draft(current);
        ModelStatus status = statusAfter(event, current == null ? null : current.status());
        if (event instanceof ModelRegistered e) {
            d.owner = e.owner();
            d.definition = e.definition();
            d.readme = e.readme();
            if (e.status() == ModelStatus.APPROVED) {
                d.approved(e.definition(), e.readme());
            } else if (e.status() == ModelStatus.PENDING_REVIEW) {
                d.open(1, e.owner(), facts.timestamp(), e.definition(), e.readme());
            }
        } else if (event instanceof ModelSubmittedForReview e) {
            d.open(e.round(), e.submitter(), facts.timestamp(), e.definition(), e.readme());
        } else if (event instanceof ModelDefinitionUpdated e) {
            d.definition = e.definition();
            if (e.status() == ModelStatus.APPROVED) {
                d.approved(e.definition(), d.readme);
            }
            d.pending = e.status() == ModelStatus.PENDING_REVIEW;
        } else if (event instanceof ModelReadmeUpdated e) {
            d.readme = e.readme();
        } else if (event instanceof ModelApproved e) {
            d.approved(e.definition(), d.readme);
        } else if (event instanceof ModelRejected || event instanceof ModelSubmissionWithdrawn
                || event instanceof ModelExpired || event instanceof ModelDeleted) {
            d.pending = false;
        }
        ModelType type = ModelEvents.typeOf(event);
        Visibility visibility = ModelEvents.visibilityOf(event);
        return Optional.of(new ReviewQueueDocument(event.modelId(), event.modelName(),
                type != null ? type : d.modelType, visibility != null ? visibility : d.visibility, d.owner,
                status, d.pending, d.round, d.submitter, d.submittedAt, d.definition, d.readme, d.lastApprovedDefinition,
                d.lastApprovedReadme, d.lastApprovedDefinition == null,
                d.lastApprovedDefinition == null ? List.of()
                        : DefinitionDiff.changedPaths(d.lastApprovedDefinition, d.definition),
                d.lastApprovedDefinition != null && !Objects.equals(d.lastApprovedReadme, d.readme),
                facts.sequence()));
    }

    static ModelStatus statusAfter(ModelEvent event, ModelStatus before) {
        if (event instanceof ModelRegistered e) return e.status();
        if (event instanceof ModelDefinitionUpdated e) return e.status();
        if (event instanceof ModelSubmittedForReview) return ModelStatus.PENDING_REVIEW;
        if (event instanceof ModelSubmissionWithdrawn) return ModelStatus.DRAFT;
        if (event instanceof ModelApproved) return ModelStatus.APPROVED;
        if (event instanceof ModelRejected) return ModelStatus.REJECTED;
        if (event instanceof ModelExpired) return ModelStatus.EXPIRED;
        if (event instanceof ModelDeleted) return ModelStatus.DELETED;
        return before;
    }

    private static final class Draft {
        ModelType modelType;
        Visibility visibility;
        Actor owner;
        boolean pending;
        int round;
        Actor submitter;
        Instant submittedAt;
        JsonNode definition;
        String readme;
        JsonNode lastApprovedDefinition;
        String lastApprovedReadme;

        Draft() {
        }

        Draft(ReviewQueueDocument document) {
            modelType = document.modelType();
            visibility = document.visibility();
            owner = document.owner();
            pending = document.pending();
            round = document.round();
            submitter = document.submitter();
            submittedAt = document.submittedAt();
            definition = document.definition();
            readme = document.readme();
            lastApprovedDefinition = absentIfJsonNull(document.lastApprovedDefinition());
            lastApprovedReadme = document.lastApprovedReadme();
        }

        /**
         * A document read back from Elasticsearch holds "never approved" as a JSON null node, not as Java null: the
         * fold must treat both alike, or a model's diff would depend on whether its events shared a batch.
         */
        private static JsonNode absentIfJsonNull(JsonNode node) {
            return node == null || node.isNull() || node.isMissingNode() ? null : node;
        }

        void open(int round, Actor submitter, Instant at, JsonNode definition, String readme) {
            this.pending = true;
            this.round = round;
            this.submitter = submitter;
            this.submittedAt = at;
            this.definition = definition;
            this.readme = readme;
        }

        void approved(JsonNode definition, String readme) {
            this.pending = false;
            this.definition = definition;
            this.lastApprovedDefinition = definition;
            this.lastApprovedReadme = readme;
        }
    }
}
