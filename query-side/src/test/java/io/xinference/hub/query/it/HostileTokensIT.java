package io.xinference.hub.query.it;

import io.xinference.hub.devstack.HostileTokens;
import io.xinference.hub.devstack.KeycloakTokens;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Hostile bearer tokens at protected reads ({@code my-models}, the review queue) and a public one (the catalogue:
 * a bad token is refused there too, never treated as anonymous): every one is 401; the real Keycloak token (and its
 * claims signed with the trusted test key, the control) is accepted.
 */
class HostileTokensIT extends QuerySideITSupport {

    private final KeycloakTokens tokens = KeycloakTokens.forTestServices();

    @Test
    void everyHostileTokenIs401AndTheRealTokenPasses() throws Exception {
        String real = tokens.accessToken("rita");
        Map<String, String> attacks = HostileTokens.forTestServices().from(real);

        assertThat(attacks).hasSize(15);
        for (Map.Entry<String, String> attack : attacks.entrySet()) {
            for (String path : new String[] {"/api/catalogue/my-models", "/api/review-queue", "/api/catalogue/models"}) {
                MockHttpServletResponse answer = call(path, attack.getValue());
                assertThat(answer.getStatus()).as(attack.getKey() + " at " + path).isEqualTo(401);
                assertThat(answer.getContentType()).as(attack.getKey()).contains("application/problem+json");
            }
        }
        assertThat(call("/api/catalogue/my-models", real).getStatus()).isEqualTo(200);
        assertThat(call("/api/review-queue", real).getStatus()).isEqualTo(200);
        assertThat(call("/api/catalogue/my-models", HostileTokens.forTestServices().testKeySigned(real)).getStatus())
                .as("control: unchanged claims signed with the test key").isEqualTo(200);
    }

    private MockHttpServletResponse call(String path, String token) throws Exception {
        return mvc.perform(get(path).header("Authorization", "Bearer " + token)).andReturn().getResponse();
    }
}
