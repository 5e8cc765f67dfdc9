package io.xinference.hub.command.model;

import io.xinference.hub.command.model.ModelRuleViolation.Refusal;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.security.CurrentUser;
import io.xinference.hub.security.HubPermission;

import java.util.EnumSet;
import java.util.Set;

import static io.xinference.hub.security.HubPermission.*;

/**
 * The permission matrix of the user guide, in one place and free of Axon, so it reads top to bottom.
 *
 * <ul>
 *   <li>Registration: private needs the model registration permission; public needs it too and goes to review,
 *       unless the caller holds the public registration permission (published at once); enterprise is a public
 *       registration that also needs the enterprise registration permission.</li>
 *   <li>Maintenance: private models by the owner or a holder of "manage any public model"; public models by the
 *       public update / delete / expiration permissions; enterprise ("advanced") models by the advanced ones. The
 *       owner of a shared model that is not published yet (under review, draft, rejected) may edit it (once the
 *       review round is closed) and resubmit, or delete it.</li>
 *   <li>Review: the review permission, never on one's own submission.</li>
 *   <li>Who may know a model exists: its owner, admins and auditors; private models also the holders of "manage
 *       any public model"; enterprise models only the holders of the view (or any advanced) permission; public
 *       models everyone once published, before that the reviewers and the public maintainers.</li>
 * </ul>
 */
public final class ModelPolicy {

    private static final Set<HubPermission> SEES_UNPUBLISHED_PUBLIC = EnumSet.of(REVIEW_LIST, REVIEW_DECIDE,
            UPDATE_PUBLIC, DELETE_PUBLIC, EXPIRE_PUBLIC, MANAGE_ANY_PUBLIC);
    private static final Set<HubPermission> SEES_ENTERPRISE = EnumSet.of(VIEW_ADVANCED, UPDATE_ADVANCED,
            DELETE_ADVANCED, EXPIRE_ADVANCED);

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

    public static boolean canSee(CurrentUser caller, Actor owner, Visibility visibility, ModelStatus status) {
        if (isOwner(caller, owner) || caller.has(ADMIN) || caller.has(AUDIT_READ)) {
            return true;
        }
        return switch (visibility) {
            case PRIVATE -> caller.has(MANAGE_ANY_PUBLIC);
            case ENTERPRISE -> holdsAny(caller, SEES_ENTERPRISE);
            case PUBLIC -> isPublished(status) || holdsAny(caller, SEES_UNPUBLISHED_PUBLIC);
        };
    }

    public static void requireMaintenance(CurrentUser caller, MaintenanceAction action, Actor owner,
                                          Visibility visibility, ModelStatus status) {
        boolean allowed = switch (visibility) {
            case PRIVATE -> isOwner(caller, owner) || caller.has(MANAGE_ANY_PUBLIC);
            case PUBLIC -> caller.has(action.onPublic()) || ownerOfUnpublished(caller, action, owner, status);
            case ENTERPRISE -> caller.has(action.onEnterprise()) || ownerOfUnpublished(caller, action, owner, status);
        };
        if (!allowed) {
            throw refused(switch (visibility) {
                case PRIVATE -> "private models are maintained by their owner or a holder of the manage-any-public-model permission";
                case PUBLIC -> "this change of a public model needs the " + action.onPublic().role() + " permission";
                case ENTERPRISE -> "this change of an enterprise model needs the " + action.onEnterprise().role() + " permission";
            });
        }
    }

    /**
 * Submitting and withdrawing are the owner's: they speak for the model. */
    public static void requireSubmitter(CurrentUser caller, Actor owner) {
        if (!isOwner(caller, owner)) {
            throw refused("only the model's owner submits it for review or withdraws the submission");
        }
    }

    public static void requireReviewer(CurrentUser caller, Actor submitter) {
        if (!caller.has(REVIEW_DECIDE)) {
            throw refused("review decisions need the review-decide permission");
        }
        if (submitter != null && submitter.subject().equals(caller.subject())) {
            throw refused("a reviewer never decides on their own submission");
        }
    }

    private static boolean ownerOfUnpublished(CurrentUser caller, MaintenanceAction action, Actor owner, ModelStatus status) {
        boolean unpublished = status == ModelStatus.DRAFT || status == ModelStatus.REJECTED
                || status == ModelStatus.PENDING_REVIEW;
        return action != MaintenanceAction.EXPIRE && unpublished && isOwner(caller, owner);
    }

    private static boolean isPublished(ModelStatus status) {
        return status == ModelStatus.APPROVED || status == ModelStatus.EXPIRED;
    }

    private static boolean isOwner(CurrentUser caller, Actor owner) {
        return !caller.isAnonymous() && owner != null && owner.subject().equals(caller.subject());
    }

    private static boolean holdsAny(CurrentUser caller, Set<HubPermission> permissions) {
        return permissions.stream().anyMatch(caller::has);
    }

    private static ModelRuleViolation refused(String message) {
        return new ModelRuleViolation(Refusal.NOT_PERMITTED, message);
    }
}
