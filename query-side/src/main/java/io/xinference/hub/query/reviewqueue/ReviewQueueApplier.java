package io.xinference.hub.query.reviewqueue;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelApproved;
import io.xinference.hub.events.ModelDefinitionUpdated;
import io.xinference.hub.events.ModelDeleted;
import io.xinference.hub.events.ModelEvent;
import io.xinference.hub.events.ModelExpirationDateSet;
import io.xinference.hub.events.ModelExpired;
import io.xinference.hub.events.ModelReadmeUpdated;
import io.xinference.hub.events.ModelRegistered;
import io.xinference.hub.events.ModelRejected;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelSubmissionWithdrawn;
import io.xinference.hub.events.ModelSubmittedForReview;
import io.xinference.hub.query.projection.EventFacts;

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
        if (!facts.isNewFor(current == null ? null : current.version(), event, "review queue")) {
            return Optional.empty();
        }
        Draft d = current == null ? new Draft() : new Draft(current);
        ModelStatus status = event.statusAfter(current == null ? null : current.status());
        d.at = facts.timestamp();
        event.accept(d);
        return Optional.of(new ReviewQueueDocument(event.modelId(), event.modelName(),
                event.modelType(), event.visibility(), d.owner,
                status, d.pending, d.round, d.submitter, d.submittedAt, d.definition, d.readme, d.lastApprovedDefinition,
                d.lastApprovedReadme, d.lastApprovedDefinition == null,
                d.lastApprovedDefinition == null ? List.of()
                        : DefinitionDiff.changedPaths(d.lastApprovedDefinition, d.definition),
                d.lastApprovedDefinition != null && !Objects.equals(d.lastApprovedReadme, d.readme),
                facts.sequence()));
    }

    /** Mutable scratch copy of a document; lives for one event, which it takes in through the visitor. */
    private static final class Draft implements ModelEvent.Visitor<Void> {
        Instant at;
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

        @Override
        public Void on(ModelRegistered e) {
            owner = e.owner();
            definition = e.definition();
            readme = e.readme();
            if (e.status() == ModelStatus.APPROVED) {
                approved(e.definition(), e.readme());
            } else if (e.status() == ModelStatus.PENDING_REVIEW) {
                open(1, e.owner(), e.definition(), e.readme());
            }
            return null;
        }

        @Override
        public Void on(ModelSubmittedForReview e) {
            open(e.round(), e.submitter(), e.definition(), e.readme());
            return null;
        }

        @Override
        public Void on(ModelDefinitionUpdated e) {
            definition = e.definition();
            if (e.status() == ModelStatus.APPROVED) {
                approved(e.definition(), readme);
            }
            pending = e.status() == ModelStatus.PENDING_REVIEW;
            return null;
        }

        @Override
        public Void on(ModelReadmeUpdated e) {
            readme = e.readme();
            return null;
        }

        @Override
        public Void on(ModelApproved e) {
            approved(e.definition(), readme);
            return null;
        }

        @Override
        public Void on(ModelRejected e) {
            return closed();
        }

        @Override
        public Void on(ModelSubmissionWithdrawn e) {
            return closed();
        }

        @Override
        public Void on(ModelExpirationDateSet e) {
            return null;
        }

        @Override
        public Void on(ModelExpired e) {
            return closed();
        }

        @Override
        public Void on(ModelDeleted e) {
            return closed();
        }

        private Void closed() {
            pending = false;
            return null;
        }

        void open(int round, Actor submitter, JsonNode definition, String readme) {
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
