package io.xinference.hub.query.it;

import io.xinference.hub.devstack.KeycloakTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The resource server with real Keycloak tokens: issuer, audience and signature are checked for real. */
class RealTokensIT extends QuerySideITSupport {

    private final KeycloakTokens tokens = KeycloakTokens.forTestServices();

    @Test
    void permissionsComeFromTheRealRealm() throws Exception {
        assertThat(status("/api/review-queue", tokens.accessToken("rita"))).isEqualTo(200);
        assertThat(status("/api/review-queue", tokens.accessToken("alice"))).isEqualTo(403);
        assertThat(status("/api/audit-trail", tokens.accessToken("audrey"))).isEqualTo(200);
        assertThat(status("/api/admin/projections", tokens.accessToken("adam"))).isEqualTo(200);
        assertThat(status("/api/admin/projections", tokens.accessToken("rita"))).isEqualTo(403);
        assertThat(status("/api/catalogue/my-models", tokens.accessToken("bob"))).isEqualTo(200);
    }

    @Test
    void aForgedOrBrokenTokenIsRefusedEvenOnPublicReads() throws Exception {
        String real = tokens.accessToken("alice");
        String[] parts = real.split("\\.");
        // alg "none", same claims, no signature
        String none = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes()) + "." + parts[1] + ".";
        assertThat(status("/api/catalogue/models", none)).isEqualTo(401);
        assertThat(status("/api/catalogue/models", parts[0] + "." + parts[1] + ".AAAA")).isEqualTo(401);
        assertThat(status("/api/catalogue/models", "garbage")).isEqualTo(401);
        assertThat(status("/api/catalogue/models", real)).isEqualTo(200);
    }

    private int status(String path, String token) throws Exception {
        return mvc.perform(get(path).header("Authorization", "Bearer " + token)).andReturn().getResponse().getStatus();
    }
}
