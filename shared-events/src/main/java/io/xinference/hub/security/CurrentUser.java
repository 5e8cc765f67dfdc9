package io.xinference.hub.security;

import io.xinference.hub.events.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The caller as the hub sees them: who (subject, username) and what they may do. Anonymous callers have no
 * subject and no permissions.
 */
public record CurrentUser(String subject, String username, Set<HubPermission> permissions) {

    public static final CurrentUser ANONYMOUS = new CurrentUser(null, "anonymous", Set.of());

    public CurrentUser {
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    public static CurrentUser of(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token) || !token.isAuthenticated()) {
            return ANONYMOUS;
        }
        Set<HubPermission> permissions = EnumSet.noneOf(HubPermission.class);
        for (GrantedAuthority authority : token.getAuthorities()) {
            HubPermission.fromAuthority(authority.getAuthority()).ifPresent(permissions::add);
        }
        return new CurrentUser(token.getToken().getSubject(), token.getName(), permissions);
    }

    public boolean isAnonymous() {
        return subject == null;
    }

    public boolean has(HubPermission permission) {
        return permissions.contains(permission);
    }

    public Optional<Actor> actor() {
        return isAnonymous() ? Optional.empty() : Optional.of(new Actor(subject, username));
    }
}
