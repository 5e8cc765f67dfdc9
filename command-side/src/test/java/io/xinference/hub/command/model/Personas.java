package io.xinference.hub.command.model;

import io.xinference.hub.security.CurrentUser;
import io.xinference.hub.security.HubPermission;

import java.util.EnumSet;
import java.util.Set;

import static io.xinference.hub.security.HubPermission.*;

/** The demo users of the realm (devstack/keycloak), with exactly the permissions the realm gives them. */
final class Personas {

    static final CurrentUser ALICE = user("alice", REGISTER_PRIVATE);
    static final CurrentUser BOB = user("bob", REGISTER_PRIVATE);
    static final CurrentUser PAULA = user("paula", REGISTER_PRIVATE, REGISTER_PUBLIC, MANAGE_ANY_PUBLIC,
            UPDATE_PUBLIC, DELETE_PUBLIC, EXPIRE_PUBLIC);
    static final CurrentUser ERIN = user("erin", REGISTER_PRIVATE, REGISTER_PUBLIC, REGISTER_ENTERPRISE,
            UPDATE_ADVANCED, DELETE_ADVANCED, EXPIRE_ADVANCED, VIEW_ADVANCED);
    static final CurrentUser RITA = user("rita", REGISTER_PRIVATE, REVIEW_LIST, REVIEW_DECIDE);
    static final CurrentUser AUDREY = user("audrey", REGISTER_PRIVATE, AUDIT_READ);
    static final CurrentUser ADAM = user("adam", HubPermission.values());
    /** Someone the identity provider knows but who holds no hub permission at all. */
    static final CurrentUser NOBODY = user("nobody");

    private Personas() {
    }

    static CurrentUser user(String name, HubPermission... permissions) {
        Set<HubPermission> set = EnumSet.noneOf(HubPermission.class);
        set.addAll(Set.of(permissions));
        return new CurrentUser("sub-" + name, name, set);
    }
}
