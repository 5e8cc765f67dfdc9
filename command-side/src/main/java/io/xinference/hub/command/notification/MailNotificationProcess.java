package io.xinference.hub.command.notification;

import io.xinference.hub.command.outbox.OutboxProcessing;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelApproved;
import io.xinference.hub.events.ModelDeleted;
import io.xinference.hub.events.ModelExpirationDateSet;
import io.xinference.hub.events.ModelExpired;
import io.xinference.hub.events.ModelRegistered;
import io.xinference.hub.events.ModelRejected;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelSubmittedForReview;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides who gets which mail when a model event happens, and queues it in the outbox; it never talks to the mail
 * server or the identity provider, so a slow one delays nothing here, and the outbox processor keeps it away
 * from the commands and the projections. It is the mail handler of the one outbox processor
 * ({@link OutboxProcessing}): its rows and the tracking token commit together, so a restart neither loses nor
 * repeats a mail.
 */
@ProcessingGroup(OutboxProcessing.PROCESSING_GROUP)
public class MailNotificationProcess {

    private final NotifiedModels models;
    private final MailOutbox outbox;
    private final MailPreferenceStore preferences;
    private final NotificationProperties properties;
    private final Clock clock;

    public MailNotificationProcess(NotifiedModels models, MailOutbox outbox, MailPreferenceStore preferences,
                                   NotificationProperties properties, Clock clock) {
        this.models = models;
        this.outbox = outbox;
        this.preferences = preferences;
        this.properties = properties;
        this.clock = clock;
    }

    @EventHandler
    public void on(ModelRegistered event, @Timestamp Instant at) {
        boolean inReview = event.status() == ModelStatus.PENDING_REVIEW;
        NotifiedModel model = new NotifiedModel(event.modelId(), event.modelName(), event.owner(),
                inReview ? event.owner() : null, event.expiresAt());
        models.save(model);
        if (inReview) {
            newSubmission(model, event.modelType(), event.visibility(), 1, event.owner(), at);
        }
        scheduleReminder(model, event.modelType(), at);
    }

    @EventHandler
    public void on(ModelSubmittedForReview event, @Timestamp Instant at) {
        models.find(event.modelId()).ifPresent(known -> {
            NotifiedModel model = new NotifiedModel(known.modelId(), event.modelName(), known.owner(),
                    event.submitter(), known.expiresAt());
            models.save(model);
            newSubmission(model, event.modelType(), event.visibility(), event.round(), event.submitter(), at);
        });
    }

    @EventHandler
    public void on(ModelApproved event, @Timestamp Instant at) {
        models.find(event.modelId()).map(NotifiedModel::decisionRecipient).ifPresent(recipient -> {
            Map<String, Object> data = modelData(event.modelName(), event.modelType());
            data.put("round", event.round());
            data.put("reviewer", username(event.reviewer()));
            outbox.queue(MailKind.REVIEW_APPROVED, recipient.subject(), event.modelId(), data, at, now());
        });
    }

    @EventHandler
    public void on(ModelRejected event, @Timestamp Instant at) {
        models.find(event.modelId()).map(NotifiedModel::decisionRecipient).ifPresent(recipient -> {
            Map<String, Object> data = modelData(event.modelName(), event.modelType());
            data.put("round", event.round());
            data.put("reviewer", username(event.reviewer()));
            data.put("feedback", event.feedback());
            outbox.queue(MailKind.REVIEW_REJECTED, recipient.subject(), event.modelId(), data, at, now());
        });
    }

    @EventHandler
    public void on(ModelExpirationDateSet event, @Timestamp Instant at) {
        models.find(event.modelId()).ifPresent(known -> {
            NotifiedModel model = new NotifiedModel(known.modelId(), event.modelName(), known.owner(),
                    known.submitter(), event.expiresAt());
            models.save(model);
            outbox.cancelPending(model.modelId(), MailKind.EXPIRY_REMINDER, now());
            scheduleReminder(model, event.modelType(), at);
        });
    }

    @EventHandler
    public void on(ModelExpired event) {
        outbox.cancelPending(event.modelId(), MailKind.EXPIRY_REMINDER, now());
    }

    @EventHandler
    public void on(ModelDeleted event) {
        outbox.cancelPending(event.modelId(), MailKind.EXPIRY_REMINDER, now());
    }

    private void newSubmission(NotifiedModel model, ModelType type, Visibility visibility, int round, Actor submitter,
                               Instant at) {
        if (visibility == Visibility.PRIVATE) {
            return; // private models are never reviewed; nobody but the owner may know of them
        }
        Map<String, Object> data = modelData(model.modelName(), type);
        data.put("round", round);
        data.put("submitter", username(submitter));
        data.put("visibility", visibility.name());
        data.put("reviewQueueUrl", properties.queryUrl() + "/review-queue");
        for (String reviewer : preferences.reviewersWantingSubmissions(visibility == Visibility.ENTERPRISE)) {
            if (submitter == null || !reviewer.equals(submitter.subject())) {
                outbox.queue(MailKind.NEW_SUBMISSION, reviewer, model.modelId(), data, at, now());
            }
        }
    }

    /** Due {@code reminderLead} before the date, or at once when less is left; none for a past date. */
    private void scheduleReminder(NotifiedModel model, ModelType type, Instant at) {
        if (model.expiresAt() == null || model.owner() == null || !model.expiresAt().isAfter(at)) {
            return;
        }
        Instant remindAt = model.expiresAt().minus(properties.reminderLead());
        Map<String, Object> data = modelData(model.modelName(), type);
        data.put("expiresAt", model.expiresAt().toString());
        outbox.queue(MailKind.EXPIRY_REMINDER, model.owner().subject(), model.modelId(), data,
                remindAt.isAfter(at) ? remindAt : at, now());
    }

    private Map<String, Object> modelData(String modelName, ModelType type) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("modelName", modelName);
        data.put("modelType", type == null ? null : type.wire());
        data.put("modelUrl", properties.queryUrl() + "/models/detail/"
                + java.net.URLEncoder.encode(modelName, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        return data;
    }

    private Instant now() {
        return clock.instant();
    }

    private static String username(Actor actor) {
        return actor == null ? null : actor.username();
    }
}
