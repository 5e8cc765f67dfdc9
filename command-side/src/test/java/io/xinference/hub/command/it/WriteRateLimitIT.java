package io.xinference.hub.command.it;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-user write limit in an app of its own with a small limit (the shared test app's is out of the way). The
 * app is closed afterwards: two live apps in one JVM share Axon's node id, so both would run the event processors.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hub.rate-limit.writes-per-minute=3", "hub.rate-limit.burst=3"})
class WriteRateLimitIT extends CommandSideIT {

    @Test
    void theFourthWriteInAMinuteIsRefusedWith429AndRetryAfterOtherUsersAndReadsGoOn() {
        for (int i = 0; i < 3; i++) {
            assertThat(validate("rita").status()).isEqualTo(200);
        }

        Api.Answer refused = validate("rita");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.body().path("type").asText()).isEqualTo("urn:models-hub:problem:rate-limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(validate("audrey").status()).isEqualTo(200);
        assertThat(api().call("GET", "/api/users/me").token(token("rita")).send().status()).isEqualTo(200);
        assertThat(api().call("POST", "/api/registry/validation")
                .json(Map.of("modelType", "embedding", "definition", fixtureNamed("embedding", "x"))).send().status())
                .isEqualTo(401);
    }

    private Api.Answer validate(String user) {
        return api().call("POST", "/api/registry/validation").token(token(user))
                .json(Map.of("modelType", "embedding", "definition", fixtureNamed("embedding", uniqueName("limit"))))
                .send();
    }
}
