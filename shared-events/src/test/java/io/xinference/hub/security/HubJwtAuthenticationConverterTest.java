package io.xinference.hub.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HubJwtAuthenticationConverterTest {

    private final HubJwtAuthenticationConverter converter = new HubJwtAuthenticationConverter("models-hub-api");

    @Test
    void realmRolesThatArePermissionsBecomeAuthorities() {
        Jwt jwt = token(Map.of("realm_access", Map.of("roles",
                List.of("register-private-model", "review-decide", "offline_access", "default-roles-models-hub"))));

        AbstractAuthenticationToken authentication = converter.convert(jwt);

        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("PERM_REGISTER_PRIVATE", "PERM_REVIEW_DECIDE");
    }

    @Test
    void clientRolesCountOnlyForTheApiClient() {
        Jwt jwt = token(Map.of("resource_access", Map.of(
                "models-hub-api", Map.of("roles", List.of("audit-read")),
                "some-other-client", Map.of("roles", List.of("hub-admin")))));

        assertThat(converter.permissions(jwt)).containsExactly(HubPermission.AUDIT_READ);
    }

    @Test
    void theUsernameIsThePrincipalNameAndTheSubjectTheFallback() {
        assertThat(converter.convert(token(Map.of("preferred_username", "alice"))).getName()).isEqualTo("alice");
        assertThat(converter.convert(token(Map.of())).getName()).isEqualTo("subject-1");
    }

    @Test
    void aTokenWithoutRolesHasNoPermissions() {
        assertThat(converter.permissions(token(Map.of("realm_access", "not a map")))).isEmpty();
    }

    @Test
    void currentUserCarriesWhoAndWhatFromTheToken() {
        Jwt jwt = token(Map.of("preferred_username", "rita",
                "realm_access", Map.of("roles", List.of("review-list", "review-decide"))));

        CurrentUser user = CurrentUser.of(converter.convert(jwt));

        assertThat(user.subject()).isEqualTo("subject-1");
        assertThat(user.username()).isEqualTo("rita");
        assertThat(user.has(HubPermission.REVIEW_DECIDE)).isTrue();
        assertThat(user.has(HubPermission.ADMIN)).isFalse();
        assertThat(CurrentUser.of(null).isAnonymous()).isTrue();
    }

    @Test
    void everyPermissionHasADistinctRoleAndRoundTrips() {
        for (HubPermission permission : HubPermission.values()) {
            assertThat(HubPermission.fromRole(permission.role())).contains(permission);
            assertThat(HubPermission.fromAuthority(permission.authority())).contains(permission);
        }
        assertThat(HubPermission.fromAuthority("ROLE_ADMIN")).isEmpty();
    }

    private static Jwt token(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("token").header("alg", "RS256").subject("subject-1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }
}
