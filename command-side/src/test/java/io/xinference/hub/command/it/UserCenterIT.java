package io.xinference.hub.command.it;

import io.xinference.hub.command.usercenter.GithubTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserCenterIT extends CommandSideIT {

    private static final String TOKEN = "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB";

    @Autowired
    GithubTokens githubTokens;

    @Test
    void theProfileComesFromTheTokenWithThePermissionsTheRealmGrants() {
        Api.Answer answer = api().call("GET", "/api/users/me").token(token("rita")).send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("username").asText()).isEqualTo("rita");
        assertThat(answer.body().path("email").asText()).isEqualTo("rita@models-hub.local");
        assertThat(answer.body().path("permissions").toString())
                .contains("review-decide", "review-list", "register-private-model").doesNotContain("hub-admin");
        assertThat(answer.body().path("accountConsoleUrl").asText()).endsWith("/realms/models-hub/account");
    }

    @Test
    void anonymousCallersHaveNoUserCenter() {
        assertThat(api().call("GET", "/api/users/me").send().status()).isEqualTo(401);
        assertThat(api().call("PUT", "/api/users/me/github-token").json(Map.of("token", TOKEN)).send().status())
                .isEqualTo(401);
    }

    @Test
    void aGithubTokenIsStoredEncryptedNeverReturnedAndOnlyItsSettingIsAnEvent() {
        String subject = api().call("GET", "/api/users/me").token(token("audrey")).send().body().path("subject").asText();

        Api.Answer set = api().call("PUT", "/api/users/me/github-token").token(token("audrey"))
                .json(Map.of("token", TOKEN)).send();

        assertThat(set.status()).isEqualTo(204);
        Api.Answer profile = api().call("GET", "/api/users/me").token(token("audrey")).send();
        assertThat(profile.body().path("githubTokenSet").asBoolean()).isTrue();
        assertThat(profile.response().body()).doesNotContain(TOKEN);
        assertThat(githubTokens.tokenOf(subject)).contains(TOKEN);
        byte[] stored = jdbc.queryForObject("SELECT ciphertext FROM github_token WHERE user_subject = ?", byte[].class, subject);
        assertThat(new String(stored)).doesNotContain("0123456789abcdef");
        List<String> payloads = jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? ORDER BY sequence_number", String.class, subject);
        assertThat(payloads).isNotEmpty().allSatisfy(payload -> assertThat(payload).doesNotContain(TOKEN));
        assertThat(jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, subject)).contains("io.xinference.hub.events.user.GithubTokenSet");
    }

    @Test
    void anotherPersonDoesNotSeeOrGetSomeoneElsesToken() {
        api().call("PUT", "/api/users/me/github-token").token(token("erin")).json(Map.of("token", TOKEN)).send();
        String bobsSubject = api().call("GET", "/api/users/me").token(token("bob")).send().body().path("subject").asText();

        assertThat(githubTokens.tokenOf(bobsSubject)).isEmpty();
        assertThat(api().call("GET", "/api/users/me").token(token("bob")).send().body().path("githubTokenSet").asBoolean())
                .isFalse();
    }

    @Test
    void clearingRemovesTheTokenAndSaysSo() {
        api().call("PUT", "/api/users/me/github-token").token(token("adam")).json(Map.of("token", TOKEN)).send();
        String subject = api().call("GET", "/api/users/me").token(token("adam")).send().body().path("subject").asText();

        Api.Answer cleared = api().call("DELETE", "/api/users/me/github-token").token(token("adam")).send();

        assertThat(cleared.status()).isEqualTo(204);
        assertThat(githubTokens.tokenOf(subject)).isEmpty();
        assertThat(jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number DESC LIMIT 1", String.class, subject))
                .containsExactly("io.xinference.hub.events.user.GithubTokenCleared");
    }

    @Test
    void somethingThatIsNotAGithubTokenIsRefusedWithoutEchoingIt() {
        Api.Answer answer = api().call("PUT", "/api/users/me/github-token").token(token("alice"))
                .json(Map.of("token", "my-secret-password")).send();

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).contains("application/problem+json");
        assertThat(answer.body().path("errors").get(0).path("pointer").asText()).isEqualTo("/token");
        assertThat(answer.response().body()).doesNotContain("my-secret-password");
    }
}
