package io.xinference.hub.command.it;

import io.xinference.hub.devstack.HostileTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile bearer tokens over HTTP, at a read and writes that need a caller (a token without {@code sub} was a 500
 * at {@code /api/users/me} and webhook creation; one without {@code exp}, a refresh or ID token and one issued in
 * the future were accepted): every one is 401 with a problem, while
 * the real Keycloak token (and its claims signed with the trusted test key, the control) is accepted.
 */
class HostileTokensIT extends CommandSideIT {

    @Test
    void everyHostileTokenIs401AndTheRealTokenPasses() {
        String real = token("alice");
        Map<String, String> attacks = HostileTokens.forTestServices().from(real);

        assertThat(attacks).hasSize(15);
        attacks.forEach((attack, token) -> {
            Api.Answer read = api().call("GET", "/api/users/me").token(token).send();
            assertThat(read.status()).as(attack + ": " + read).isEqualTo(401);
            assertThat(read.contentType()).as(attack).contains("application/problem+json");
            assertThat(read.header("WWW-Authenticate")).as(attack).startsWith("Bearer");
            assertThat(validate(token).status()).as(attack).isEqualTo(401);
            assertThat(createWebhook(token).status()).as(attack + " creating a webhook").isEqualTo(401);
        });
        assertThat(api().call("GET", "/api/users/me").token(real).send().status()).isEqualTo(200);
        assertThat(validate(real).status()).isEqualTo(200);
        assertThat(api().call("GET", "/api/users/me").token(HostileTokens.forTestServices().testKeySigned(real))
                .send().status()).as("control: unchanged claims signed with the test key").isEqualTo(200);
    }

    private Api.Answer createWebhook(String token) {
        return api().call("POST", "/api/webhooks").token(token)
                .json(Map.of("url", "https://hooks.example.com/hub", "eventKinds", java.util.List.of("model.approved")))
                .send();
    }

    private Api.Answer validate(String token) {
        return api().call("POST", "/api/registry/validation").token(token)
                .json(Map.of("modelType", "embedding", "definition", fixtureNamed("embedding", "hostile"))).send();
    }
}
