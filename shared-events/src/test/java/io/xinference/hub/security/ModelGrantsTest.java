package io.xinference.hub.security;

import io.xinference.hub.devstack.VisibilityTable;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.Visibility;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import static io.xinference.hub.security.ModelGrants.Action.DECIDE;
import static io.xinference.hub.security.ModelGrants.Action.DELETE;
import static io.xinference.hub.security.ModelGrants.Action.EXPIRE;
import static io.xinference.hub.security.ModelGrants.Action.SEE;
import static io.xinference.hub.security.ModelGrants.Action.SUBMIT;
import static io.xinference.hub.security.ModelGrants.Action.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

class ModelGrantsTest {

    private static final String OWNER = "sub-owner";

    /** The shared table's persona as a caller: its realm roles turned into permissions. */
    static CurrentUser caller(VisibilityTable.Persona persona) {
        if (persona.anonymous()) {
            return CurrentUser.ANONYMOUS;
        }
        Set<HubPermission> permissions = EnumSet.noneOf(HubPermission.class);
        persona.roles().forEach(role -> permissions.add(HubPermission.fromRole(role).orElseThrow()));
        return new CurrentUser(persona.owner() ? OWNER : "sub-" + persona.name().replace(' ', '-'), persona.name(),
                permissions);
    }

    @TestFactory
    Stream<DynamicTest> theJavaPredicateSeesWhatTheSharedTableSays() {
        return VisibilityTable.personas().stream().flatMap(persona -> VisibilityTable.cells().stream().map(cell ->
                DynamicTest.dynamicTest(persona + " " + cell, () -> {
                    String[] parts = cell.split(":");
                    assertThat(ModelGrants.canSee(caller(persona), OWNER, Visibility.valueOf(parts[0]),
                            ModelStatus.valueOf(parts[1]))).isEqualTo(VisibilityTable.sees(persona, parts[0], parts[1]));
                })));
    }

    /** The description the query side turns into its Elasticsearch filter, read back in Java, agrees too. */
    @TestFactory
    Stream<DynamicTest> theNeutralDescriptionCoversExactlyTheSameCells() {
        return VisibilityTable.personas().stream().map(persona -> DynamicTest.dynamicTest(persona.toString(), () -> {
            CurrentUser caller = caller(persona);
            for (String cell : VisibilityTable.cells()) {
                String[] parts = cell.split(":");
                Visibility visibility = Visibility.valueOf(parts[0]);
                ModelStatus status = ModelStatus.valueOf(parts[1]);
                boolean described = ModelGrants.seenBy(caller).stream().anyMatch(cells ->
                        cells.visibilities().contains(visibility) && cells.statuses().contains(status)
                                && (cells.ownerSubject() == null || cells.ownerSubject().equals(OWNER)));
                assertThat(described).as(cell).isEqualTo(VisibilityTable.sees(persona, parts[0], parts[1]));
            }
        }));
    }

    @Test
    void anonymousCallersNeverOwnAModelWithoutOwner() {
        assertThat(ModelGrants.canSee(CurrentUser.ANONYMOUS, null, Visibility.PRIVATE, ModelStatus.APPROVED)).isFalse();
    }

    @Test
    void ownersOfSharedModelsEditAndDeleteOnlyWhileUnpublishedAndNeverExpire() {
        CurrentUser owner = new CurrentUser(OWNER, "owner", Set.of(HubPermission.REGISTER_PRIVATE));
        for (ModelStatus status : ModelStatus.values()) {
            boolean unpublished = Set.of(ModelStatus.DRAFT, ModelStatus.PENDING_REVIEW, ModelStatus.REJECTED)
                    .contains(status);
            assertThat(ModelGrants.may(owner, UPDATE, OWNER, Visibility.PUBLIC, status)).as("update " + status)
                    .isEqualTo(unpublished);
            assertThat(ModelGrants.may(owner, DELETE, OWNER, Visibility.ENTERPRISE, status)).as("delete " + status)
                    .isEqualTo(unpublished);
            assertThat(ModelGrants.may(owner, EXPIRE, OWNER, Visibility.PUBLIC, status)).isFalse();
            assertThat(ModelGrants.may(owner, EXPIRE, OWNER, Visibility.PRIVATE, status)).isTrue();
            assertThat(ModelGrants.may(owner, SUBMIT, OWNER, Visibility.PUBLIC, status)).isTrue();
        }
    }

    @Test
    void maintenancePermissionsActOnTheirKindOfModelOnly() {
        CurrentUser paula = new CurrentUser("paula", "paula", Set.of(HubPermission.UPDATE_PUBLIC,
                HubPermission.MANAGE_ANY_PUBLIC));
        assertThat(ModelGrants.may(paula, UPDATE, "alice", Visibility.PUBLIC, ModelStatus.EXPIRED)).isTrue();
        assertThat(ModelGrants.may(paula, UPDATE, "alice", Visibility.PRIVATE, ModelStatus.APPROVED)).isTrue();
        assertThat(ModelGrants.may(paula, UPDATE, "alice", Visibility.ENTERPRISE, ModelStatus.APPROVED)).isFalse();
        assertThat(ModelGrants.may(paula, DELETE, "alice", Visibility.PUBLIC, ModelStatus.APPROVED)).isFalse();
    }

    @Test
    void auditorsSeeEverythingAndMayDoNothing() {
        CurrentUser audrey = new CurrentUser("audrey", "audrey", Set.of(HubPermission.AUDIT_READ));
        for (ModelGrants.Action action : ModelGrants.Action.values()) {
            assertThat(ModelGrants.may(audrey, action, "alice", Visibility.PRIVATE, ModelStatus.PENDING_REVIEW))
                    .as(action.name()).isEqualTo(action == SEE);
        }
    }

    @Test
    void reviewersDecideEnterpriseSubmissionsTheyCanSee() {
        CurrentUser rita = new CurrentUser("rita", "rita", Set.of(HubPermission.REVIEW_LIST,
                HubPermission.REVIEW_DECIDE));
        assertThat(ModelGrants.canSee(rita, "erin", Visibility.ENTERPRISE, ModelStatus.PENDING_REVIEW)).isTrue();
        assertThat(ModelGrants.may(rita, DECIDE, "erin", Visibility.ENTERPRISE, ModelStatus.PENDING_REVIEW)).isTrue();
        assertThat(ModelGrants.canSee(rita, "erin", Visibility.ENTERPRISE, ModelStatus.APPROVED)).isFalse();
    }
}
