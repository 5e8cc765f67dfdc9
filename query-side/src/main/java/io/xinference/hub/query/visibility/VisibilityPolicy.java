package io.xinference.hub.query.visibility;

import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.security.CurrentUser;
import io.xinference.hub.security.HubPermission;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static io.xinference.hub.events.ModelStatus.APPROVED;
import static io.xinference.hub.events.ModelStatus.DELETED;
import static io.xinference.hub.events.ModelStatus.DRAFT;
import static io.xinference.hub.events.ModelStatus.EXPIRED;
import static io.xinference.hub.events.ModelStatus.PENDING_REVIEW;
import static io.xinference.hub.events.ModelStatus.REJECTED;
import static io.xinference.hub.events.Visibility.ENTERPRISE;
import static io.xinference.hub.events.Visibility.PRIVATE;
import static io.xinference.hub.events.Visibility.PUBLIC;

/**
 * Who may see which model — the one statement of the rule, interpreted both as an Elasticsearch filter
 * ({@link VisibilityFilter}) and in Java ({@link #canSee}).
 *
 * <ul>
 *   <li>The owner sees every model of theirs, in every status.</li>
 *   <li>Everyone, anonymous included, sees approved public models.</li>
 *   <li>Approved enterprise ("advanced") models: the view-advanced permission, or any advanced-model maintenance
 *       permission (maintaining what one cannot see makes no sense).</li>
 *   <li>Shared models in review (draft, pending, rejected): reviewers (review-list).</li>
 *   <li>Private models: the owner, and "manage any public model", which the user guide lets maintain private
 *       models.</li>
 *   <li>Expired and deleted models leave the public catalogue: the owner and the maintainers of that kind of
 *       model (public: update/delete/expire-public or manage-any-public; enterprise: update/delete/expire-advanced)
 *       still see them, to audit, restore a date, or answer questions.</li>
 * </ul>
 */
public final class VisibilityPolicy {

    private static final Set<ModelStatus> IN_REVIEW = EnumSet.of(DRAFT, PENDING_REVIEW, REJECTED);
    private static final Set<ModelStatus> RETIRED = EnumSet.of(EXPIRED, DELETED);

    private VisibilityPolicy() {
    }

    /** What the caller sees regardless of ownership. */
    public static List<Grant> grantsFor(CurrentUser user) {
        List<Grant> grants = new ArrayList<>();
        grants.add(new Grant(PUBLIC, Set.of(APPROVED)));
        if (user.has(HubPermission.VIEW_ADVANCED) || maintainsAdvanced(user)) {
            grants.add(new Grant(ENTERPRISE, Set.of(APPROVED)));
        }
        if (user.has(HubPermission.REVIEW_LIST)) {
            grants.add(new Grant(PUBLIC, IN_REVIEW));
            grants.add(new Grant(ENTERPRISE, IN_REVIEW));
        }
        if (user.has(HubPermission.MANAGE_ANY_PUBLIC)) {
            grants.add(new Grant(PRIVATE, EnumSet.allOf(ModelStatus.class)));
        }
        if (maintainsPublic(user)) {
            grants.add(new Grant(PUBLIC, RETIRED));
        }
        if (maintainsAdvanced(user)) {
            grants.add(new Grant(ENTERPRISE, RETIRED));
        }
        return grants;
    }

    public static boolean canSee(CurrentUser user, Visibility visibility, ModelStatus status, String ownerSubject) {
        if (!user.isAnonymous() && Objects.equals(user.subject(), ownerSubject)) {
            return true;
        }
        return grantsFor(user).stream().anyMatch(grant -> grant.covers(visibility, status));
    }

    private static boolean maintainsPublic(CurrentUser user) {
        return user.has(HubPermission.MANAGE_ANY_PUBLIC) || user.has(HubPermission.UPDATE_PUBLIC)
                || user.has(HubPermission.DELETE_PUBLIC) || user.has(HubPermission.EXPIRE_PUBLIC);
    }

    private static boolean maintainsAdvanced(CurrentUser user) {
        return user.has(HubPermission.UPDATE_ADVANCED) || user.has(HubPermission.DELETE_ADVANCED)
                || user.has(HubPermission.EXPIRE_ADVANCED);
    }
}
