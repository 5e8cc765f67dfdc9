package io.xinference.hub.command.it;

import io.xinference.hub.devstack.KeycloakTokens;
import io.xinference.hub.devstack.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret in the logs (OWASP, issue 6): with the hub's, Spring Security's and Spring MVC's loggers at DEBUG, a
 * fresh login token used for reads and writes (and sent broken), a GitHub token set (and a malformed one refused),
 * and a webhook created: the captured output holds none of the access token, the GitHub token, the webhook secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNotLoggedIT extends CommandSideIT {

    private static final List<String> LOGGERS = List.of("io.xinference.hub", "org.springframework.security",
            "org.springframework.web", "org.axonframework");
    private static final String GITHUB_TOKEN = "ghp_SecretsNotLoggedIT0123456789abcdefghij";

    @Autowired
    LoggingSystem logging;

    @AfterEach
    void quiet() {
        LOGGERS.forEach(logger -> logging.setLogLevel(logger, null));
    }

    @Test
    void tokensGithubTokensAndWebhookSecretsNeverReachTheLog(CapturedOutput output) {
        LOGGERS.forEach(logger -> logging.setLogLevel(logger, LogLevel.DEBUG));
        // a login of its own (not the cached token other tests use)
        String accessToken = new KeycloakTokens(TestServices.keycloakUrl()).accessToken("paula");
        String signature = accessToken.substring(accessToken.lastIndexOf('.') + 1);

        assertThat(api().call("GET", "/api/users/me").token(accessToken).send().status()).isEqualTo(200);
        assertThat(api().call("GET", "/api/users/me").token(accessToken + "x").send().status()).isEqualTo(401);
        assertThat(api().call("PUT", "/api/users/me/github-token").token(accessToken)
                .json(Map.of("token", GITHUB_TOKEN)).send().status()).isEqualTo(204);
        assertThat(api().call("PUT", "/api/users/me/github-token").token(accessToken)
                .json(Map.of("token", GITHUB_TOKEN + " not-a-token")).send().status()).isEqualTo(400);
        Api.Answer webhook = api().call("POST", "/api/webhooks").token(accessToken)
                .json(Map.of("url", "https://example.com/hooks/secrets-it", "eventKinds", List.of("model.approved")))
                .send();
        assertThat(webhook.status()).as(webhook.toString()).isEqualTo(201);
        String secret = webhook.body().path("secret").asText();
        assertThat(secret).startsWith("whsec_");
        Api.Answer registered = register("paula", "embedding", "PRIVATE", fixtureNamed("embedding", uniqueName("secrets")));
        assertThat(registered.status()).isEqualTo(201);
        api().call("DELETE", "/api/webhooks/" + webhook.body().path("id").asText()).token(accessToken).send();
        api().call("DELETE", "/api/users/me/github-token").token(accessToken).send();

        String log = output.getAll();
        assertThat(log).as("the DEBUG loggers wrote something").isNotBlank();
        assertThat(log).doesNotContain(accessToken).doesNotContain(signature)
                .doesNotContain(GITHUB_TOKEN).doesNotContain(GITHUB_TOKEN.substring(4))
                .doesNotContain(secret).doesNotContain(secret.substring("whsec_".length()))
                .doesNotContain(KeycloakTokens.DEMO_PASSWORD);
    }
}
