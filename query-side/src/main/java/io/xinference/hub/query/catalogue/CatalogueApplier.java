package io.xinference.hub.query.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ClientCompatibility;
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
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.query.projection.EventFacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalogue's fold: current document + event → next document. Pure, so every rule is unit-tested; the
 * projection only adds reading, idempotency and writing around it.
 */
public final class CatalogueApplier {

    private CatalogueApplier() {
    }

    /**
     * @return the next document, or empty when the event is already reflected (its sequence number is not above
     * the document's version: a replay, a duplicate, or an out-of-order delivery)
     * @throws IllegalStateException for an event about a model the catalogue never saw registered (poison: the
     *                               processor dead-letters it)
     */
    public static Optional<CatalogueDocument> apply(CatalogueDocument current, ModelEvent event, EventFacts facts) {
        if (!facts.isNewFor(current == null ? null : current.version(), event, "catalogue")) {
            return Optional.empty();
        }
        Draft draft = current == null ? new Draft() : new Draft(current);
        draft.apply(event, facts);
        return Optional.of(draft.toDocument(current, event, facts));
    }

    /** Mutable scratch copy of a document; lives for one event. */
    private static final class Draft implements ModelEvent.Visitor<Void> {
        EventFacts facts;
        ModelType modelType;
        Visibility visibility;
        ModelStatus status;
        Actor owner;
        JsonNode definition;
        String readme;
        Instant expiresAt;
        Instant createdAt;
        ClientCompatibility compatibility;
        List<ReviewRound> rounds = new ArrayList<>();

        Draft() {
        }

        Draft(CatalogueDocument document) {
            modelType = document.modelType();
            visibility = document.visibility();
            status = document.status();
            owner = document.owner();
            definition = document.definition();
            readme = document.readme();
            expiresAt = document.expiresAt();
            createdAt = document.createdAt();
            compatibility = document.compatibility();
            rounds = new ArrayList<>(nullToEmpty(document.reviewRounds()));
        }

        void apply(ModelEvent event, EventFacts facts) {
            this.facts = facts;
            event.accept(this);
            // every event restates type and visibility and says the status it leads to
            status = event.statusAfter(status);
            modelType = event.modelType();
            visibility = event.visibility();
        }

        @Override
        public Void on(ModelRegistered e) {
            owner = e.owner();
            definition = e.definition();
            readme = e.readme();
            expiresAt = e.expiresAt();
            compatibility = e.compatibility();
            createdAt = facts.timestamp();
            rounds = new ArrayList<>();
            if (e.status() == ModelStatus.PENDING_REVIEW) {
                // registration opened review round 1
                rounds.add(new ReviewRound(1, facts.timestamp(), e.owner(), null, null, null, null));
            }
            return null;
        }

        @Override
        public Void on(ModelDefinitionUpdated e) {
            definition = e.definition();
            compatibility = e.compatibility();
            return null;
        }

        @Override
        public Void on(ModelReadmeUpdated e) {
            readme = e.readme();
            return null;
        }

        @Override
        public Void on(ModelSubmittedForReview e) {
            definition = e.definition();
            readme = e.readme();
            rounds.removeIf(round -> round.round() == e.round());
            rounds.add(new ReviewRound(e.round(), facts.timestamp(), e.submitter(), null, null, null, null));
            return null;
        }

        @Override
        public Void on(ModelSubmissionWithdrawn e) {
            return decide(e.round(), ReviewRound.WITHDRAWN, null, null);
        }

        @Override
        public Void on(ModelApproved e) {
            definition = e.definition();
            return decide(e.round(), ReviewRound.APPROVED, e.reviewer(), null);
        }

        @Override
        public Void on(ModelRejected e) {
            return decide(e.round(), ReviewRound.REJECTED, e.reviewer(), e.feedback());
        }

        @Override
        public Void on(ModelExpirationDateSet e) {
            expiresAt = e.expiresAt();
            return null;
        }

        @Override
        public Void on(ModelExpired e) {
            return null;
        }

        @Override
        public Void on(ModelDeleted e) {
            return null;
        }

        private Void decide(int round, String decision, Actor reviewer, String feedback) {
            Instant at = facts.timestamp();
            for (int i = 0; i < rounds.size(); i++) {
                if (rounds.get(i).round() == round) {
                    rounds.set(i, rounds.get(i).decided(decision, reviewer, feedback, at));
                    return null;
                }
            }
            // the round's opening predates this read model's history: record the decision anyway
            rounds.add(new ReviewRound(round, null, null, decision, reviewer, feedback, at));
            return null;
        }

        CatalogueDocument toDocument(CatalogueDocument previous, ModelEvent event, EventFacts facts) {
            DefinitionFacts derived = DefinitionFacts.of(definition).describedBy(readme);
            long previousEpoch = previous == null ? Long.MIN_VALUE : previous.updatedAtEpochSeconds();
            // Xinference keeps, per model_name, the entry with the greatest updated_at: it must grow with every
            // change even when two changes fall in the same second
            long epoch = Math.max(facts.timestamp().getEpochSecond(),
                    previousEpoch == Long.MIN_VALUE ? Long.MIN_VALUE : previousEpoch + 1);
            rounds.sort((a, b) -> Integer.compare(a.round(), b.round()));
            return new CatalogueDocument(event.modelId(), event.modelName(),
                    event.modelName().toLowerCase(Locale.ROOT), modelType, visibility, status, owner, definition,
                    readme, derived.description(), derived.abilities(), derived.languages(), derived.formats(),
                    derived.sizesInBillions(), derived.featured(), expiresAt, createdAt, facts.timestamp(), epoch,
                    facts.sequence(), compatibility, List.copyOf(rounds));
        }
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
