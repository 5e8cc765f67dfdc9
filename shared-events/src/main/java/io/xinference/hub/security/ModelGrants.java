package io.xinference.hub.security;

import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.Visibility;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static io.xinference.hub.events.ModelStatus.APPROVED;
import static io.xinference.hub.events.ModelStatus.DRAFT;
import static io.xinference.hub.events.ModelStatus.PENDING_REVIEW;
import static io.xinference.hub.events.ModelStatus.REJECTED;
import static io.xinference.hub.events.Visibility.ENTERPRISE;
import static io.xinference.hub.events.Visibility.PRIVATE;
import static io.xinference.hub.events.Visibility.PUBLIC;
import static io.xinference.hub.security.HubPermission.ADMIN;
import static io.xinference.hub.security.HubPermission.AUDIT_READ;
import static io.xinference.hub.security.HubPermission.DELETE_ADVANCED;
import static io.xinference.hub.security.HubPermission.DELETE_PUBLIC;
import static io.xinference.hub.security.HubPermission.EXPIRE_ADVANCED;
import static io.xinference.hub.security.HubPermission.EXPIRE_PUBLIC;
import static io.xinference.hub.security.HubPermission.MANAGE_ANY_PUBLIC;
import static io.xinference.hub.security.HubPermission.REVIEW_DECIDE;
import static io.xinference.hub.security.HubPermission.REVIEW_LIST;
import static io.xinference.hub.security.HubPermission.UPDATE_ADVANCED;
import static io.xinference.hub.security.HubPermission.UPDATE_PUBLIC;
import static io.xinference.hub.security.HubPermission.VIEW_ADVANCED;

/**
 * The one table of grants: who may see, and who may do what, to a model, per visibility × status × permission ×
 * ownership. Both apps read it: the command side and the history as a Java predicate ({@link #may}), the query
 * side as an Elasticsearch filter built from {@link #seenBy} (a neutral description: which cells a caller sees,
 * and which only when they own the model). Nothing else in the hub decides visibility from permissions.
 *
 * <h2>The table</h2>
 * <pre>
 * action  visibility          statuses                       who
 * SEE     every               every                          the owner
 * SEE     PUBLIC              APPROVED                       everyone, anonymous included
 * SEE     ENTERPRISE          APPROVED                       view-advanced
 * SEE     PUBLIC, ENTERPRISE  DRAFT, PENDING_REVIEW, REJECTED review-list, review-decide
 * SEE     PUBLIC              every                          update/delete/expire-public, manage-any-public
 * SEE     ENTERPRISE          every                          update/delete/expire-advanced
 * SEE     PRIVATE             every                          manage-any-public
 * SEE     every               every                          audit-read, hub-admin
 * UPDATE  PRIVATE             every                          the owner, manage-any-public
 * UPDATE  PUBLIC | ENTERPRISE every                          update-public | update-advanced
 * UPDATE  PUBLIC, ENTERPRISE  DRAFT, PENDING_REVIEW, REJECTED the owner
 * DELETE  (as UPDATE, with the delete permissions)
 * EXPIRE  PRIVATE             every                          the owner, manage-any-public
 * EXPIRE  PUBLIC | ENTERPRISE every                          expire-public | expire-advanced
 * SUBMIT  every               every                          the owner (submits and withdraws)
 * DECIDE  every               every                          review-decide (never on one's own submission:
 *                                                            a rule about the round, kept in the command side)
 * </pre>
 * A permission only opens an action; whether the model's state allows it (409) is the aggregate's business.
 *
 * <h2>Decisions (from {@code docs/hub-user-guide.rst})</h2>
 * <ul>
 *   <li><b>Reviewer × enterprise.</b> The guide sends every public registration without the public registration
 *       permission to review and makes enterprise registration a public one ("requires enabling the Public Model
 *       parameter first"); reviewers need only the review-list and review permissions. So reviewers see, and
 *       decide, enterprise submissions exactly like public ones, while they are in review (draft, pending,
 *       rejected); a published enterprise model still needs view-advanced. (Before: the review queue showed
 *       them, the command side refused to approve one as not visible.)</li>
 *   <li><b>Auditor.</b> The guide names no auditor; the realm's audit-read is "read the audit trail, history and
 *       exports", which show every model's events, private ones included (an audit must be complete). Hiding a
 *       model from an auditor in the catalogue that they can read event by event in the trail protects nothing,
 *       so audit-read sees every model in both apps, and may do nothing with it (before: the command side let
 *       them see all, the query side nothing extra). Admins likewise see everything.</li>
 *   <li><b>Maintainers</b> see every model of the kind they maintain, in every status ("Model Maintenance": the
 *       update, delete or expiration permission): one cannot expire or delete what one cannot see. View-advanced
 *       alone is a reader's permission: published enterprise models.</li>
 *   <li><b>Expired and deleted</b> models leave the catalogue: everyone else loses sight of them.</li>
 * </ul>
 */
public final class ModelGrants {

    /** What one may do to a model. */
    public enum Action { SEE, UPDATE, DELETE, EXPIRE, SUBMIT, DECIDE }

    /**
     * One row: holders of any of {@code anyOf} (or the owner, when {@code owner}; or everyone, when neither) may
     * do {@code action} to models of these visibilities in these statuses.
     */
    public record Grant(Action action, Set<Visibility> visibilities, Set<ModelStatus> statuses, boolean owner,
                        Set<HubPermission> anyOf) {

        public Grant {
            visibilities = Set.copyOf(visibilities);
            statuses = Set.copyOf(statuses);
            anyOf = Set.copyOf(anyOf);
        }

        boolean covers(Action action, Visibility visibility, ModelStatus status) {
            return this.action == action && visibilities.contains(visibility) && statuses.contains(status);
        }

        /** Whether the caller holds this grant, ownership aside. */
        boolean heldBy(CurrentUser caller) {
            return !owner && (anyOf.isEmpty() || anyOf.stream().anyMatch(caller::has));
        }
    }

    /** Cells of the visibility × status plane; {@code ownerSubject} set: only on the models this subject owns. */
    public record SeenCells(Set<Visibility> visibilities, Set<ModelStatus> statuses, String ownerSubject) {
    }

    private static final Set<Visibility> EVERY_VISIBILITY = EnumSet.allOf(Visibility.class);
    private static final Set<ModelStatus> EVERY_STATUS = EnumSet.allOf(ModelStatus.class);
    private static final Set<ModelStatus> IN_REVIEW = EnumSet.of(DRAFT, PENDING_REVIEW, REJECTED);
    private static final Set<Visibility> SHARED = EnumSet.of(PUBLIC, ENTERPRISE);

    private static final List<Grant> TABLE = List.of(
            owner(Action.SEE, EVERY_VISIBILITY, EVERY_STATUS),
            everyone(Action.SEE, Set.of(PUBLIC), Set.of(APPROVED)),
            anyOf(Action.SEE, Set.of(ENTERPRISE), Set.of(APPROVED), VIEW_ADVANCED),
            anyOf(Action.SEE, SHARED, IN_REVIEW, REVIEW_LIST, REVIEW_DECIDE),
            anyOf(Action.SEE, Set.of(PUBLIC), EVERY_STATUS, UPDATE_PUBLIC, DELETE_PUBLIC, EXPIRE_PUBLIC,
                    MANAGE_ANY_PUBLIC),
            anyOf(Action.SEE, Set.of(ENTERPRISE), EVERY_STATUS, UPDATE_ADVANCED, DELETE_ADVANCED, EXPIRE_ADVANCED),
            anyOf(Action.SEE, Set.of(PRIVATE), EVERY_STATUS, MANAGE_ANY_PUBLIC),
            anyOf(Action.SEE, EVERY_VISIBILITY, EVERY_STATUS, AUDIT_READ, ADMIN),

            owner(Action.UPDATE, Set.of(PRIVATE), EVERY_STATUS),
            anyOf(Action.UPDATE, Set.of(PRIVATE), EVERY_STATUS, MANAGE_ANY_PUBLIC),
            anyOf(Action.UPDATE, Set.of(PUBLIC), EVERY_STATUS, UPDATE_PUBLIC),
            anyOf(Action.UPDATE, Set.of(ENTERPRISE), EVERY_STATUS, UPDATE_ADVANCED),
            owner(Action.UPDATE, SHARED, IN_REVIEW),

            owner(Action.DELETE, Set.of(PRIVATE), EVERY_STATUS),
            anyOf(Action.DELETE, Set.of(PRIVATE), EVERY_STATUS, MANAGE_ANY_PUBLIC),
            anyOf(Action.DELETE, Set.of(PUBLIC), EVERY_STATUS, DELETE_PUBLIC),
            anyOf(Action.DELETE, Set.of(ENTERPRISE), EVERY_STATUS, DELETE_ADVANCED),
            owner(Action.DELETE, SHARED, IN_REVIEW),

            owner(Action.EXPIRE, Set.of(PRIVATE), EVERY_STATUS),
            anyOf(Action.EXPIRE, Set.of(PRIVATE), EVERY_STATUS, MANAGE_ANY_PUBLIC),
            anyOf(Action.EXPIRE, Set.of(PUBLIC), EVERY_STATUS, EXPIRE_PUBLIC),
            anyOf(Action.EXPIRE, Set.of(ENTERPRISE), EVERY_STATUS, EXPIRE_ADVANCED),

            owner(Action.SUBMIT, EVERY_VISIBILITY, EVERY_STATUS),
            anyOf(Action.DECIDE, EVERY_VISIBILITY, EVERY_STATUS, REVIEW_DECIDE));

    private ModelGrants() {
    }

    /** The table, row by row (for tests and documentation). */
    public static List<Grant> table() {
        return TABLE;
    }

    /** The Java reading: may the caller do this to a model of this owner, visibility and status? */
    public static boolean may(CurrentUser caller, Action action, String ownerSubject, Visibility visibility,
                              ModelStatus status) {
        boolean owns = !caller.isAnonymous() && Objects.equals(caller.subject(), ownerSubject);
        return TABLE.stream().anyMatch(grant -> grant.covers(action, visibility, status)
                && (grant.heldBy(caller) || grant.owner() && owns));
    }

    public static boolean canSee(CurrentUser caller, String ownerSubject, Visibility visibility, ModelStatus status) {
        return may(caller, Action.SEE, ownerSubject, visibility, status);
    }

    /**
     * The neutral reading for a query engine: the caller sees a model when it lies in any of these cell sets (for
     * a set with an owner subject: and that subject owns it). The query side turns it into its filter.
     */
    public static List<SeenCells> seenBy(CurrentUser caller) {
        List<SeenCells> seen = new ArrayList<>();
        for (Grant grant : TABLE) {
            if (grant.action() != Action.SEE) {
                continue;
            }
            if (grant.heldBy(caller)) {
                seen.add(new SeenCells(grant.visibilities(), grant.statuses(), null));
            } else if (grant.owner() && !caller.isAnonymous()) {
                seen.add(new SeenCells(grant.visibilities(), grant.statuses(), caller.subject()));
            }
        }
        return seen;
    }

    private static Grant owner(Action action, Set<Visibility> visibilities, Set<ModelStatus> statuses) {
        return new Grant(action, visibilities, statuses, true, Set.of());
    }

    private static Grant everyone(Action action, Set<Visibility> visibilities, Set<ModelStatus> statuses) {
        return new Grant(action, visibilities, statuses, false, Set.of());
    }

    private static Grant anyOf(Action action, Set<Visibility> visibilities, Set<ModelStatus> statuses,
                               HubPermission... permissions) {
        return new Grant(action, visibilities, statuses, false, Set.of(permissions));
    }
}
