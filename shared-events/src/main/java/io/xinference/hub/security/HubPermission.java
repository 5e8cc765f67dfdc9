package io.xinference.hub.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * The hub's permissions, from the user guide. Each is one role in the identity provider (realm or client role
 * named {@link #role()}) and one Spring authority ({@link #authority()}).
 */
public enum HubPermission {
    REGISTER_PRIVATE("register-private-model"),
    REGISTER_PUBLIC("register-public-model"),
    REGISTER_ENTERPRISE("register-enterprise-model"),
    MANAGE_ANY_PUBLIC("manage-any-public-model"),
    UPDATE_ADVANCED("update-advanced-model"),
    DELETE_ADVANCED("delete-advanced-model"),
    EXPIRE_ADVANCED("expire-advanced-model"),
    UPDATE_PUBLIC("update-public-model"),
    DELETE_PUBLIC("delete-public-model"),
    EXPIRE_PUBLIC("expire-public-model"),
    VIEW_ADVANCED("view-advanced-model"),
    REVIEW_LIST("review-list"),
    REVIEW_DECIDE("review-decide"),
    AUDIT_READ("audit-read"),
    ADMIN("hub-admin");

    public static final String AUTHORITY_PREFIX = "PERM_";

    private final String role;

    HubPermission(String role) {
        this.role = role;
    }

    /** The role name in the identity provider. */
    public String role() {
        return role;
    }

    /** The Spring Security authority, usable in {@code hasAuthority(...)}. */
    public String authority() {
        return AUTHORITY_PREFIX + name();
    }

    public static Optional<HubPermission> fromRole(String role) {
        return Arrays.stream(values()).filter(permission -> permission.role.equals(role)).findFirst();
    }

    public static Optional<HubPermission> fromAuthority(String authority) {
        if (authority == null || !authority.startsWith(AUTHORITY_PREFIX)) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(permission -> permission.authority().equals(authority)).findFirst();
    }
}
