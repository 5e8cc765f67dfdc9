package io.xinference.hub.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one mapping from a token to the hub's permissions, shared by both apps. Keycloak puts realm roles in
 * {@code realm_access.roles} and client roles in {@code resource_access.<client>.roles}; both count. Roles that
 * are not hub permissions are ignored. The principal name is {@code preferred_username} (falls back to
 * {@code sub}).
 */
public class HubJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String clientId;

    /** @param clientId the client whose client roles count as hub permissions (the API audience) */
    public HubJwtAuthenticationConverter(String clientId) {
        this.clientId = clientId;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = permissions(jwt).stream()
                .map(permission -> (GrantedAuthority) new SimpleGrantedAuthority(permission.authority()))
                .toList();
        String name = jwt.getClaimAsString("preferred_username");
        return new JwtAuthenticationToken(jwt, authorities, name != null ? name : jwt.getSubject());
    }

    public Set<HubPermission> permissions(Jwt jwt) {
        Set<HubPermission> permissions = EnumSet.noneOf(HubPermission.class);
        rolesOf(jwt.getClaim("realm_access")).forEach(role -> HubPermission.fromRole(role).ifPresent(permissions::add));
        Object resourceAccess = jwt.getClaim("resource_access");
        if (resourceAccess instanceof Map<?, ?> clients) {
            rolesOf(clients.get(clientId)).forEach(role -> HubPermission.fromRole(role).ifPresent(permissions::add));
        }
        return permissions;
    }

    private static Collection<String> rolesOf(Object access) {
        if (access instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> roles) {
            return roles.stream().map(String::valueOf).collect(Collectors.toList());
        }
        return List.of();
    }
}
