package io.xinference.hub.command.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.command.definition.DefinitionValidator;
import io.xinference.hub.command.model.ModelRuleViolation.Refusal;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ClientCompatibility;
import io.xinference.hub.events.ExpiryCause;
import io.xinference.hub.events.ModelApproved;
import io.xinference.hub.events.ModelDefinitionUpdated;
import io.xinference.hub.events.ModelDeleted;
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
import io.xinference.hub.security.CurrentUser;
import io.xinference.hub.security.ModelGrants;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * One model's lifecycle: registration, edits, review rounds, expiry and deletion. Each handler checks, in this
 * order, that the caller may know the model (404), holds the permission (403), the version is current (412), the
 * state fits (409) and the values are acceptable (400/422); then it applies one event. State changes only in the
 * event sourcing handlers.
 */
@Aggregate
public class ModelAggregate {

    static final String EXPIRY_DEADLINE = "model-expiry";

    @AggregateIdentifier
    private String modelId;
    private String modelName;
    private ModelType modelType;
    private Visibility visibility;
    private ModelStatus status;
    private Actor owner;
    private JsonNode definition;
    private String readme;
    private Instant expiresAt;
    private int round;
    private Actor roundSubmitter;

    protected ModelAggregate() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    public ModelAggregate(RegisterModel command, ModelNames names, DefinitionValidator validator,
                          DeadlineManager deadlines) {
        CurrentUser caller = command.caller();
        ModelStatus initialStatus = ModelPolicy.registrationStatus(caller, command.visibility());
        ClientCompatibility compatibility = validator.requireValid(command.modelType(), command.definition(), null);
        JsonNode definition = validator.normalized(command.definition());
        requireFuture(command.expiresAt());
        if (!names.claim(command.modelName(), command.modelId())) {
            throw new ModelRuleViolation(Refusal.NAME_TAKEN,
                    "a model named \"" + command.modelName() + "\" already exists (names ignore letter case)");
        }
        apply(new ModelRegistered(command.modelId(), command.modelName(), command.modelType(), command.visibility(),
                definition, orEmpty(command.readme()), caller.actor().orElseThrow(), initialStatus,
                command.expiresAt(), compatibility));
        if (command.expiresAt() != null) {
            deadlines.schedule(command.expiresAt(), EXPIRY_DEADLINE, new ExpiryDue(command.expiresAt()));
        }
    }

    @CommandHandler
    public ModelChanged handle(UpdateDefinition command, DefinitionValidator validator) {
        requireMaintenance(command, MaintenanceAction.UPDATE);
        requireEditable();
        ClientCompatibility compatibility = validator.requireValid(modelType, command.definition(), modelName);
        apply(new ModelDefinitionUpdated(modelId, modelName, modelType, visibility,
                validator.normalized(command.definition()), compatibility, status));
        return new ModelChanged(modelId, modelName, status, getVersion(), compatibility);
    }

    @CommandHandler
    public ModelChanged handle(UpdateReadme command) {
        requireMaintenance(command, MaintenanceAction.UPDATE);
        requireEditable();
        apply(new ModelReadmeUpdated(modelId, modelName, modelType, visibility, orEmpty(command.readme())));
        return changed();
    }

    @CommandHandler
    public ModelChanged handle(SubmitForReview command) {
        requireVisible(command.caller());
        ModelPolicy.requireSubmitter(command.caller(), owner, visibility, status);
        requireVersion(command);
        if (visibility == Visibility.PRIVATE) {
            throw wrongState("private models need no review");
        }
        if (status != ModelStatus.DRAFT && status != ModelStatus.REJECTED) {
            throw wrongState("only a draft or a rejected model can be submitted for review; this one is " + status);
        }
        apply(new ModelSubmittedForReview(modelId, modelName, modelType, visibility, round + 1,
                command.caller().actor().orElseThrow(), definition, readme));
        return changed();
    }

    @CommandHandler
    public ModelChanged handle(WithdrawSubmission command) {
        requireVisible(command.caller());
        ModelPolicy.requireSubmitter(command.caller(), owner, visibility, status);
        requireVersion(command);
        requirePendingReview();
        apply(new ModelSubmissionWithdrawn(modelId, modelName, modelType, visibility, round));
        return changed();
    }

    @CommandHandler
    public ModelChanged handle(ApproveSubmission command) {
        requireVisible(command.caller());
        ModelPolicy.requireReviewer(command.caller(), owner, visibility, status, roundSubmitter);
        requireVersion(command);
        requirePendingReview();
        apply(new ModelApproved(modelId, modelName, modelType, visibility, round,
                command.caller().actor().orElseThrow(), definition));
        return changed();
    }

    @CommandHandler
    public ModelChanged handle(RejectSubmission command) {
        requireVisible(command.caller());
        ModelPolicy.requireReviewer(command.caller(), owner, visibility, status, roundSubmitter);
        requireVersion(command);
        requirePendingReview();
        if (command.feedback() == null || command.feedback().isBlank()) {
            throw new ModelRuleViolation(Refusal.UNACCEPTABLE_VALUE,
                    "a rejection needs feedback the owner can act on", "/feedback");
        }
        apply(new ModelRejected(modelId, modelName, modelType, visibility, round,
                command.caller().actor().orElseThrow(), command.feedback().strip()));
        return changed();
    }

    @CommandHandler
    public ModelChanged handle(SetExpirationDate command, DeadlineManager deadlines) {
        requireMaintenance(command, MaintenanceAction.EXPIRE);
        requireNotTerminal();
        requireFuture(command.expiresAt());
        apply(new ModelExpirationDateSet(modelId, modelName, modelType, visibility, command.expiresAt()));
        deadlines.cancelAllWithinScope(EXPIRY_DEADLINE);
        if (command.expiresAt() != null) {
            deadlines.schedule(command.expiresAt(), EXPIRY_DEADLINE, new ExpiryDue(command.expiresAt()));
        }
        return changed();
    }

    @CommandHandler
    public ModelChanged handle(ExpireModel command, DeadlineManager deadlines) {
        requireMaintenance(command, MaintenanceAction.EXPIRE);
        requireNotTerminal();
        apply(new ModelExpired(modelId, modelName, modelType, visibility, ExpiryCause.MANUAL));
        deadlines.cancelAllWithinScope(EXPIRY_DEADLINE);
        return changed();
    }

    @CommandHandler
    public ModelChanged handle(DeleteModel command, ModelNames names, DeadlineManager deadlines) {
        requireMaintenance(command, MaintenanceAction.DELETE);
        names.release(modelName, modelId);
        apply(new ModelDeleted(modelId, modelName, modelType, visibility));
        deadlines.cancelAllWithinScope(EXPIRY_DEADLINE);
        return changed();
    }

    /** The persistent expiry deadline: the same event as "expire now", unless the date changed or the model ended. */
    @DeadlineHandler(deadlineName = EXPIRY_DEADLINE)
    public void onExpiryDue(ExpiryDue due) {
        if (status.isTerminal() || expiresAt == null || !expiresAt.equals(due.expiresAt())) {
            return;
        }
        apply(new ModelExpired(modelId, modelName, modelType, visibility, ExpiryCause.SCHEDULED));
    }

    @EventSourcingHandler
    void on(ModelRegistered event) {
        modelId = event.modelId();
        modelName = event.modelName();
        modelType = event.modelType();
        visibility = event.visibility();
        owner = event.owner();
        definition = event.definition();
        readme = event.readme();
        status = event.statusAfter(status);
        expiresAt = event.expiresAt();
        if (event.status() == ModelStatus.PENDING_REVIEW) {
            round = 1; // registering a shared model without the publish permission opens the first review round
            roundSubmitter = event.owner();
        }
    }

    @EventSourcingHandler
    void on(ModelDefinitionUpdated event) {
        definition = event.definition();
        status = event.statusAfter(status);
    }

    @EventSourcingHandler
    void on(ModelReadmeUpdated event) {
        readme = event.readme();
    }

    @EventSourcingHandler
    void on(ModelSubmittedForReview event) {
        round = event.round();
        roundSubmitter = event.submitter();
        status = event.statusAfter(status);
    }

    @EventSourcingHandler
    void on(ModelSubmissionWithdrawn event) {
        status = event.statusAfter(status);
    }

    @EventSourcingHandler
    void on(ModelApproved event) {
        status = event.statusAfter(status);
    }

    @EventSourcingHandler
    void on(ModelRejected event) {
        status = event.statusAfter(status);
    }

    @EventSourcingHandler
    void on(ModelExpirationDateSet event) {
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(ModelExpired event) {
        status = event.statusAfter(status);
    }

    @EventSourcingHandler
    void on(ModelDeleted event) {
        status = event.statusAfter(status);
        markDeleted();
    }

    private void requireMaintenance(ModelChangeCommand command, MaintenanceAction action) {
        requireVisible(command.caller());
        ModelPolicy.requireMaintenance(command.caller(), action, owner, visibility, status);
        requireVersion(command);
    }

    private void requireVisible(CurrentUser caller) {
        if (!ModelGrants.canSee(caller, owner == null ? null : owner.subject(), visibility, status)) {
            throw new ModelRuleViolation(Refusal.NOT_VISIBLE, "no model with id " + modelId);
        }
    }

    /**
     * Optimistic locking, checked here rather than by Axon so a caller who may not see the model learns nothing.
     * The commands do not mark their version {@code @TargetAggregateVersion}: Axon would refuse a version above
     * the aggregate's while loading it, before any rule, with an exception that became a 500 (found by
     * {@code GrantsAgreeAcrossAppsIT}); a race between two commands is still caught by the event store (409).
     */
    private void requireVersion(ModelChangeCommand command) {
        long current = getVersion();
        if (command.expectedVersion() != null && command.expectedVersion() != current) {
            throw new StaleVersionException(command.expectedVersion(), current);
        }
    }

    private void requireEditable() {
        requireNotTerminal();
        if (status == ModelStatus.PENDING_REVIEW) {
            throw wrongState("the model is under review: withdraw the submission before editing it");
        }
    }

    private void requireNotTerminal() {
        if (status.isTerminal()) {
            throw wrongState("the model is " + status + " and cannot change any more");
        }
    }

    private void requirePendingReview() {
        if (status != ModelStatus.PENDING_REVIEW) {
            throw wrongState("the model has no open review round; it is " + status);
        }
    }

    private static void requireFuture(Instant expiresAt) {
        if (expiresAt != null && !expiresAt.isAfter(GenericEventMessage.clock.instant())) {
            throw new ModelRuleViolation(Refusal.UNACCEPTABLE_VALUE, "the expiration date must be in the future",
                    "/expiresAt");
        }
    }

    private ModelChanged changed() {
        return new ModelChanged(modelId, modelName, status, getVersion());
    }

    private static ModelRuleViolation wrongState(String message) {
        return new ModelRuleViolation(Refusal.WRONG_STATE, message);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
