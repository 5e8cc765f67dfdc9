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
import io.xinference.hub.events.sync.RepositorySyncEvent;
import io.xinference.hub.events.sync.RepositorySyncFailed;
import io.xinference.hub.events.sync.RepositorySyncPullRequestOpened;
import io.xinference.hub.events.sync.RepositorySyncPullRequestUpdated;
import io.xinference.hub.events.sync.RepositorySyncRequested;
import io.xinference.hub.events.sync.RepositorySyncRetried;
import io.xinference.hub.events.sync.RepositorySyncSkipped;
import io.xinference.hub.events.user.GithubTokenSet;
import io.xinference.hub.events.user.UserAccountEvent;
import io.xinference.hub.query.projection.EventFacts;

import java.time.Instant;

/** Turns an event into its audit entry: who, what, on which model, when, and a one-line summary. Pure. */
public final class AuditEntries {

    private AuditEntries() {
    }

    public static AuditEntry of(ModelEvent event, EventFacts facts) {
        return new AuditEntry(event.modelId() + ":" + facts.sequence(), facts.eventId(), event.modelId(),
                event.modelName(), event.modelType(), event.visibility(),
                event.getClass().getSimpleName(), facts.sequence(), facts.timestamp(), actor(event, facts),
                facts.correlationId(), facts.requestId(), summary(event));
    }

    /** A repository sync outcome; no aggregate, so its stream position orders it. */
    public static AuditEntry of(RepositorySyncEvent event, String eventId, long position, Instant at, Actor actor,
                                String correlationId, String requestId) {
        Actor who = actor != null ? actor
                : event instanceof RepositorySyncRequested requested && requested.requestedBy() != null
                ? requested.requestedBy() : Actor.SYSTEM;
        return new AuditEntry("sync:" + eventId, eventId, event.modelId(), event.modelName(), event.modelType(), null,
                event.getClass().getSimpleName(), position, at, who, correlationId, requestId, summary(event));
    }

    /** A person's account setting changed (never the secret itself). */
    public static AuditEntry of(UserAccountEvent event, String accountId, EventFacts facts) {
        Actor who = facts.actor() != null ? facts.actor() : new Actor(event.userSubject(), event.username());
        String summary = event instanceof GithubTokenSet ? "stored a GitHub token for pull requests"
                : "removed their GitHub token";
        return new AuditEntry("user:" + accountId + ":" + facts.sequence(), facts.eventId(), null, null, null, null,
                event.getClass().getSimpleName(), facts.sequence(), facts.timestamp(), who, facts.correlationId(),
                facts.requestId(), summary);
    }

    static String summary(RepositorySyncEvent event) {
        String model = event.modelType().wire() + " model " + event.modelName();
        return event.accept(new RepositorySyncEvent.Visitor<>() {
            @Override
            public String on(RepositorySyncRequested e) {
                return "requested a repository sync (" + e.change() + ") of " + model;
            }

            @Override
            public String on(RepositorySyncPullRequestOpened e) {
                return "opened pull request #" + e.number() + " for " + model;
            }

            @Override
            public String on(RepositorySyncPullRequestUpdated e) {
                return "updated pull request #" + e.number() + " for " + model;
            }

            @Override
            public String on(RepositorySyncFailed e) {
                return "repository sync of " + model + " failed (" + e.kind() + "): " + e.reason();
            }

            @Override
            public String on(RepositorySyncRetried e) {
                return "retried the repository sync of " + model + " (attempt " + e.attempt() + ")";
            }

            @Override
            public String on(RepositorySyncSkipped e) {
                return "skipped the repository sync of " + model + ": " + e.reason();
            }
        });
    }

    static Actor actor(ModelEvent event, EventFacts facts) {
        return facts.actor() != null ? facts.actor() : event.namedPerson().orElse(Actor.SYSTEM);
    }

    static String summary(ModelEvent event) {
        String model = event.modelType().wire() + " model " + event.modelName();
        return event.accept(new ModelEvent.Visitor<>() {
            @Override
            public String on(ModelRegistered e) {
                return "registered " + e.visibility() + " " + model + " as " + e.status();
            }

            @Override
            public String on(ModelDefinitionUpdated e) {
                return "updated the definition of " + model + " (now " + e.status() + ")";
            }

            @Override
            public String on(ModelReadmeUpdated e) {
                return "updated the README of " + model;
            }

            @Override
            public String on(ModelSubmittedForReview e) {
                return "submitted " + model + " for review (round " + e.round() + ")";
            }

            @Override
            public String on(ModelSubmissionWithdrawn e) {
                return "withdrew review round " + e.round() + " of " + model;
            }

            @Override
            public String on(ModelApproved e) {
                return "approved review round " + e.round() + " of " + model;
            }

            @Override
            public String on(ModelRejected e) {
                return "rejected review round " + e.round() + " of " + model + ": " + e.feedback();
            }

            @Override
            public String on(ModelExpirationDateSet e) {
                return e.expiresAt() == null ? "cleared the expiration date of " + model
                        : "set the expiration date of " + model + " to " + e.expiresAt();
            }

            @Override
            public String on(ModelExpired e) {
                return "expired " + model + " (" + e.cause() + ")";
            }

            @Override
            public String on(ModelDeleted e) {
                return "deleted " + model;
            }
        });
    }
}
