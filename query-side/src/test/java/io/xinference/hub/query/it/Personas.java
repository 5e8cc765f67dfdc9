package io.xinference.hub.query.it;

import io.xinference.hub.security.HubJwtAuthenticationConverter;
import io.xinference.hub.security.HubPermission;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * Callers for the visibility matrix: a JWT shaped like Keycloak's (roles in {@code realm_access.roles}), turned
 * into permissions by the real shared converter.
 */
public record Personas(String name, String subject, List<HubPermission> permissions) {

    public static Personas of(String name, String subject, HubPermission... permissions) {
        return new Personas(name, subject, Arrays.asList(permissions));
    }

    public boolean anonymous() {
        return subject == null;
    }

    public RequestPostProcessor token() {
        if (anonymous()) {
            return request -> request;
        }
        HubJwtAuthenticationConverter converter = new HubJwtAuthenticationConverter("models-hub-api");
        List<String> roles = permissions.stream().map(HubPermission::role).toList();
        return jwt().jwt(builder -> builder.subject(subject).claim("preferred_username", name)
                        .claim("realm_access", Map.of("roles", roles)))
                .authorities(jwt -> converter.convert(jwt).getAuthorities());
    }

    @Override
    public String toString() {
        return name;
    }
}
