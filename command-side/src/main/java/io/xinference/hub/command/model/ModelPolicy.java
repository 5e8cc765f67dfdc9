package io.xinference.hub.command.model;

import io.xinference.hub.command.model.ModelRuleViolation.Refusal;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.security.CurrentUser;
import io.xinference.hub.security.ModelGrants;

import static io.xinference.hub.security.HubPermission.*;

/**
 * The command side's refusals, free of Axon so they read top to bottom. Who may do what to an existing model is
 * {@link ModelGrants}, the table both apps read; this class adds what the table does not hold and says why a
 * refusal happened.
 *
 * <ul>
 *   <li>Registration: private needs the model registration permission; public needs it too and goes to review,
 *       unless the caller holds the public registration permission (published at once); enterprise is a public
 *       registration that also needs the enterprise registration permission.</li>
 *   <li>Maintenance, submission and review decisions: {@link ModelGrants}; a reviewer never decides on their own
 *       submission.</li>
 * </ul>
 */
public final class ModelPolicy {

    private ModelPolicy() {
    }

    /** The status a registration starts in, or a refusal when the caller may not register this visibility. */
    public static ModelStatus registrationStatus(CurrentUser caller, Visibility visibility) {
        if (caller.isAnonymous()) {
            throw refused("sign in to register models");
        }
        if (!caller.has(REGISTER_PRIVATE) && !caller.has(REGISTER_PUBLIC)) {
            throw refused("registering models needs the model registration permission");
        }
        if (visibility == Visibility.ENTERPRISE && !caller.has(REGISTER_ENTERPRISE)) {
            throw refused("registering enterprise models needs the enterprise model registration permission");
        }
        if (visibility == Visibility.PRIVATE) {
            return ModelStatus.APPROVED;
        }
        return caller.has(REGISTER_PUBLIC) ? ModelStatus.APPROVED : ModelStatus.PENDING_REVIEW;
    }

    public static void requireMaintenance(CurrentUser caller, MaintenanceAction action, Actor owner,
                                          Visibility visibility, ModelStatus status) {
        if (!ModelGrants.may(caller, action.grant(), subjectOf(owner), visibility, status)) {
            throw refused(switch (visibility) {
                case PRIVATE -> "private models are maintained by their owner or a holder of the manage-any-public-model permission";
                case PUBLIC -> "this change of a public model needs the " + action.onPublic().role() + " permission";
                case ENTERPRISE -> "this change of an enterprise model needs the " + action.onEnterprise().role() + " permission";
            });
        }
    }

    /** Submitting and withdrawing are the owner's: they speak for the model. */
    public static void requireSubmitter(CurrentUser caller, Actor owner, Visibility visibility, ModelStatus status) {
        if (!ModelGrants.may(caller, ModelGrants.Action.SUBMIT, subjectOf(owner), visibility, status)) {
            throw refused("only the model's owner submits it for review or withdraws the submission");
        }
    }

    public static void requireReviewer(CurrentUser caller, Actor owner, Visibility visibility, ModelStatus status,
                                       Actor submitter) {
        if (!ModelGrants.may(caller, ModelGrants.Action.DECIDE, subjectOf(owner), visibility, status)) {
            throw refused("review decisions need the review-decide permission");
        }
        if (submitter != null && submitter.subject().equals(caller.subject())) {
            throw refused("a reviewer never decides on their own submission");
        }
    }

    private static String subjectOf(Actor owner) {
        return owner == null ? null : owner.subject();
    }

    private static ModelRuleViolation refused(String message) {
        return new ModelRuleViolation(Refusal.NOT_PERMITTED, message);
    }
}
