package io.xinference.hub.query.audittrail;

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
import io.xinference.hub.events.ModelSubmissionWithdrawn;
import io.xinference.hub.events.ModelSubmittedForReview;
import io.xinference.hub.query.projection.EventFacts;
import io.xinference.hub.query.projection.ModelEvents;

/** Turns an event into its audit entry: who, what, on which model, when, and a one-line summary. Pure. */
public final class AuditEntries {

    private AuditEntries() {
    }

    public static AuditEntry of(ModelEvent event, EventFacts facts) {
        return new AuditEntry(event.modelId() + ":" + facts.sequence(), facts.eventId(), event.modelId(),
                event.modelName(), ModelEvents.typeOf(event), ModelEvents.visibilityOf(event),
                event.getClass().getSimpleName(), facts.sequence(), facts.timestamp(), actor(event, facts),
                facts.correlationId(), facts.requestId(), summary(event));
    }

    static Actor actor(ModelEvent event, EventFacts facts) {
        if (facts.actor() != null) {
            return facts.actor();
        }
        if (event instanceof ModelRegistered e) return e.owner();
        if (event instanceof ModelSubmittedForReview e) return e.submitter();
        if (event instanceof ModelApproved e) return e.reviewer();
        if (event instanceof ModelRejected e) return e.reviewer();
        return Actor.SYSTEM;
    }

    static String summary(ModelEvent event) {
        String model = ModelEvents.typeOf(event).wire() + " model " + event.modelName();
        if (event instanceof ModelRegistered e) {
            return "registered " + e.visibility() + " " + model + " as " + e.status();
        }
        if (event instanceof ModelDefinitionUpdated e) return "updated the definition of " + model + " (now " + e.status() + ")";
        if (event instanceof ModelReadmeUpdated) return "updated the README of " + model;
        if (event instanceof ModelSubmittedForReview e) return "submitted " + model + " for review (round " + e.round() + ")";
        if (event instanceof ModelSubmissionWithdrawn e) return "withdrew review round " + e.round() + " of " + model;
        if (event instanceof ModelApproved e) return "approved review round " + e.round() + " of " + model;
        if (event instanceof ModelRejected e) return "rejected review round " + e.round() + " of " + model + ": " + e.feedback();
        if (event instanceof ModelExpirationDateSet e) {
            return e.expiresAt() == null ? "cleared the expiration date of " + model
                    : "set the expiration date of " + model + " to " + e.expiresAt();
        }
        if (event instanceof ModelExpired e) return "expired " + model + " (" + e.cause() + ")";
        if (event instanceof ModelDeleted) return "deleted " + model;
        return event.getClass().getSimpleName() + " on " + model;
    }
}
