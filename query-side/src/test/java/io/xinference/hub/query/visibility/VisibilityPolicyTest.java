package io.xinference.hub.query.visibility;

import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.security.CurrentUser;
import io.xinference.hub.security.HubPermission;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class VisibilityPolicyTest {

    static CurrentUser user(String subject, HubPermission... permissions) {
        return new CurrentUser(subject, subject, Set.of(permissions));
    }

    @Test
    void anonymousCallersSeeApprovedPublicModelsOnly() {
        for (Visibility visibility : Visibility.values()) {
            for (ModelStatus status : ModelStatus.values()) {
                assertThat(VisibilityPolicy.canSee(CurrentUser.ANONYMOUS, visibility, status, "someone"))
                        .as(visibility + " " + status)
                        .isEqualTo(visibility == Visibility.PUBLIC && status == ModelStatus.APPROVED);
            }
        }
    }

    @Test
    void anonymousCallersAreNeverOwnersOfUnownedModels() {
        assertThat(VisibilityPolicy.canSee(CurrentUser.ANONYMOUS, Visibility.PRIVATE, ModelStatus.APPROVED, null))
                .isFalse();
    }

    @Test
    void ownersSeeEverythingOfTheirs() {
        for (Visibility visibility : Visibility.values()) {
            for (ModelStatus status : ModelStatus.values()) {
                assertThat(VisibilityPolicy.canSee(user("alice"), visibility, status, "alice")).isTrue();
            }
        }
    }

    @Test
    void enterpriseNeedsTheViewPermission() {
        assertThat(VisibilityPolicy.canSee(user("bob"), Visibility.ENTERPRISE, ModelStatus.APPROVED, "alice")).isFalse();
        assertThat(VisibilityPolicy.canSee(user("bob", HubPermission.VIEW_ADVANCED), Visibility.ENTERPRISE,
                ModelStatus.APPROVED, "alice")).isTrue();
        assertThat(VisibilityPolicy.canSee(user("bob", HubPermission.VIEW_ADVANCED), Visibility.ENTERPRISE,
                ModelStatus.PENDING_REVIEW, "alice")).isFalse();
    }

    @Test
    void privateModelsAreForOwnersAndPublicModelManagers() {
        assertThat(VisibilityPolicy.canSee(user("rita", HubPermission.REVIEW_LIST), Visibility.PRIVATE,
                ModelStatus.APPROVED, "alice")).isFalse();
        assertThat(VisibilityPolicy.canSee(user("paula", HubPermission.MANAGE_ANY_PUBLIC), Visibility.PRIVATE,
                ModelStatus.APPROVED, "alice")).isTrue();
    }

    @Test
    void reviewersSeeSharedModelsInReviewButNotRetiredOnes() {
        CurrentUser rita = user("rita", HubPermission.REVIEW_LIST);
        assertThat(VisibilityPolicy.canSee(rita, Visibility.ENTERPRISE, ModelStatus.PENDING_REVIEW, "a")).isTrue();
        assertThat(VisibilityPolicy.canSee(rita, Visibility.PUBLIC, ModelStatus.REJECTED, "a")).isTrue();
        assertThat(VisibilityPolicy.canSee(rita, Visibility.PUBLIC, ModelStatus.DELETED, "a")).isFalse();
    }

    @Test
    void retiredModelsAreForMaintainersOfTheirKind() {
        assertThat(VisibilityPolicy.canSee(user("p", HubPermission.EXPIRE_PUBLIC), Visibility.PUBLIC,
                ModelStatus.EXPIRED, "a")).isTrue();
        assertThat(VisibilityPolicy.canSee(user("p", HubPermission.EXPIRE_PUBLIC), Visibility.ENTERPRISE,
                ModelStatus.EXPIRED, "a")).isFalse();
        assertThat(VisibilityPolicy.canSee(user("e", HubPermission.DELETE_ADVANCED), Visibility.ENTERPRISE,
                ModelStatus.DELETED, "a")).isTrue();
    }
}
