package io.xinference.hub.command.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.command.outbox.OutboxProcessing;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.EventMetadataKeys;
import io.xinference.hub.events.ModelApproved;
import io.xinference.hub.events.ModelDefinitionUpdated;
import io.xinference.hub.events.ModelDeleted;
import io.xinference.hub.events.ModelExpirationDateSet;
import io.xinference.hub.events.ModelExpired;
import io.xinference.hub.events.ModelRegistered;
import io.xinference.hub.events.ModelRejected;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelSubmissionWithdrawn;
import io.xinference.hub.events.ModelSubmittedForReview;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.events.sync.RepositoryChange;
import io.xinference.hub.events.sync.RepositorySyncRequested;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides which model events reach Xinference's repository: only PUBLIC models (never private, never
 * enterprise), when they are published, change while published, get a new expiration date while published,
 * expire or are deleted after having been published. It only writes the wish to the persistent schedule and
 * says so in an event; {@link RepositorySyncWorker} talks to GitHub, so a slow GitHub stays away from the command
 * side and from the projections. It is the sync handler of the one outbox processor ({@link OutboxProcessing}).
 */
@ProcessingGroup(OutboxProcessing.PROCESSING_GROUP)
public class RepositorySyncProcess {

    private final SyncSchedule schedule;
    private final SyncEventPublisher events;

    public RepositorySyncProcess(SyncSchedule schedule, SyncEventPublisher events) {
        this.schedule = schedule;
        this.events = events;
    }

    @EventHandler
    public void on(ModelRegistered event, @Timestamp Instant at, MetaData metaData) {
        if (event.visibility() != Visibility.PUBLIC) {
            return;
        }
        TrackedModel model = new TrackedModel(event.modelId(), event.modelName(), event.modelType(), event.owner(),
                event.status(), event.status() == ModelStatus.APPROVED, event.definition(), at);
        schedule.track(model);
        if (event.status() == ModelStatus.APPROVED) {
            request(model, RepositoryChange.ADD_OR_REPLACE, "ModelRegistered", actor(metaData, event.owner()), at);
        }
    }

    @EventHandler
    public void on(ModelApproved event, @Timestamp Instant at, MetaData metaData) {
        changed(event.modelId(), event.visibility(), ModelStatus.APPROVED, event.definition(), at)
                .ifPresent(model -> request(model, RepositoryChange.ADD_OR_REPLACE, "ModelApproved",
                        actor(metaData, model.owner()), at));
    }

    @EventHandler
    public void on(ModelDefinitionUpdated event, @Timestamp Instant at, MetaData metaData) {
        changed(event.modelId(), event.visibility(), event.status(), event.definition(), at)
                .filter(model -> model.status() == ModelStatus.APPROVED)
                .ifPresent(model -> request(model, RepositoryChange.ADD_OR_REPLACE, "ModelDefinitionUpdated",
                        actor(metaData, model.owner()), at));
    }

    /** The file has no expiration field; re-proposing the current entry keeps the repository current. */
    @EventHandler
    public void on(ModelExpirationDateSet event, @Timestamp Instant at, MetaData metaData) {
        if (event.visibility() != Visibility.PUBLIC) {
            return;
        }
        schedule.find(event.modelId())
                .filter(model -> model.status() == ModelStatus.APPROVED)
                .ifPresent(model -> request(model, RepositoryChange.ADD_OR_REPLACE, "ModelExpirationDateSet",
                        actor(metaData, model.owner()), at));
    }

    @EventHandler
    public void on(ModelExpired event, @Timestamp Instant at, MetaData metaData) {
        ended(event.modelId(), event.visibility(), ModelStatus.EXPIRED, "ModelExpired", at, metaData);
    }

    @EventHandler
    public void on(ModelDeleted event, @Timestamp Instant at, MetaData metaData) {
        ended(event.modelId(), event.visibility(), ModelStatus.DELETED, "ModelDeleted", at, metaData);
    }

    // review steps only move the status, so a later expiration date change knows whether the model is live

    @EventHandler
    public void on(ModelSubmittedForReview event, @Timestamp Instant at) {
        changed(event.modelId(), event.visibility(), ModelStatus.PENDING_REVIEW, event.definition(), at);
    }

    @EventHandler
    public void on(ModelSubmissionWithdrawn event, @Timestamp Instant at) {
        changed(event.modelId(), event.visibility(), ModelStatus.DRAFT, null, at);
    }

    @EventHandler
    public void on(ModelRejected event, @Timestamp Instant at) {
        changed(event.modelId(), event.visibility(), ModelStatus.REJECTED, null, at);
    }

    private void ended(String modelId, Visibility visibility, ModelStatus status, String cause, Instant at,
                       MetaData metaData) {
        Optional<TrackedModel> before = schedule.find(modelId);
        changed(modelId, visibility, status, null, at)
                .filter(model -> before.map(TrackedModel::published).orElse(false))
                .ifPresent(model -> request(model, RepositoryChange.REMOVE, cause, actor(metaData, model.owner()), at));
    }

    /** Records the new state of a tracked public model; empty for other models. */
    private Optional<TrackedModel> changed(String modelId, Visibility visibility, ModelStatus status,
                                           JsonNode definition, Instant at) {
        if (visibility != Visibility.PUBLIC) {
            return Optional.empty();
        }
        Optional<TrackedModel> updated = schedule.find(modelId).map(model -> model.with(status, definition, at));
        updated.ifPresent(schedule::track);
        return updated;
    }

    private void request(TrackedModel model, RepositoryChange change, String cause, Actor actor, Instant at) {
        schedule.request(model.modelId(), change, actor, at);
        events.publish(List.of(new RepositorySyncRequested(model.modelId(), model.modelName(), model.modelType(),
                change, cause, actor)));
    }

    /**
     * Who acted, from the metadata the command side adds to every event. A scheduled expiry is done by the
     * system; the pull request then speaks for the model's owner.
     */
    private static Actor actor(MetaData metaData, Actor fallback) {
        Object subject = metaData.get(EventMetadataKeys.ACTOR_SUBJECT);
        Object username = metaData.get(EventMetadataKeys.ACTOR_USERNAME);
        if (subject != null && username != null && !Actor.SYSTEM.subject().equals(subject)) {
            return new Actor(subject.toString(), username.toString());
        }
        return fallback != null ? fallback : Actor.SYSTEM;
    }
}
