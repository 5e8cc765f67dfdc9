package io.xinference.hub.faults.services;

import io.xinference.hub.devstack.KeycloakTokens;
import io.xinference.hub.devstack.TestServiceControl;
import io.xinference.hub.devstack.TestServiceControl.Service;
import io.xinference.hub.devstack.TestServices;
import io.xinference.hub.faults.apps.HubApp;
import io.xinference.hub.faults.apps.HubAppProcess;
import io.xinference.hub.faults.apps.HubStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak stops for 60 s while clients keep writing and reading with the tokens they already hold. Both apps
 * verify tokens with the realm's keys fetched once and kept, so every request with an issued token is answered as
 * before; a new sign-in fails (at Keycloak, which is gone) and says so; after Keycloak's return new sign-ins work
 * and their tokens are accepted (the test instance's realm survives the restart, keys and subjects included); and
 * every acknowledged change is in the catalogue. Keycloak is started again even when the test fails.
 */
class KeycloakOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(2);

    private static final TestServiceControl SERVICES = TestServiceControl.forTestServices();
    private static HubStack stack;
    private static HubAppProcess command;
    private static HubAppProcess query;
    private final HubHttp http = new HubHttp();

    @BeforeAll
    static void startHub() {
        stack = HubStack.create("kc_outage");
        command = stack.start(HubApp.COMMAND_SIDE, "command");
        query = stack.start(HubApp.QUERY_SIDE, "query");
    }

    @AfterAll
    static void stopHub() {
        try {
            SERVICES.start(Service.KEYCLOAK);
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    @Test
    void issuedTokensKeepWorkingNewSignInsFailClearlyAndNothingIsLost() {
        // tokens issued before the outage; the first use makes each app fetch the realm's keys
        String writer = new KeycloakTokens(TestServices.keycloakUrl()).accessToken("alice");
        String reader = new KeycloakTokens(TestServices.keycloakUrl()).accessToken("bob");
        assertThat(http.get(command.baseUrl() + "/api/users/me", writer).status()).isEqualTo(200);
        assertThat(http.get(query.baseUrl() + "/api/catalogue/my-models", reader).status()).isEqualTo(200);

        WriteLoad load = new WriteLoad(http, command.baseUrl(), () -> writer, "kc-outage", 2, 2,
                Duration.ofMillis(100)).start();
        List<HubHttp.Answer> reads = new ArrayList<>();
        Instant down;
        Instant up;
        Throwable signIn;
        try {
            Projections.sleep(Duration.ofSeconds(5));
            SERVICES.stop(Service.KEYCLOAK);
            down = Instant.now();
            signIn = catchSignIn();
            while (Instant.now().isBefore(down.plus(OUTAGE))) {
                reads.add(http.get(query.baseUrl() + "/api/catalogue/my-models", reader));
                reads.add(http.get(command.baseUrl() + "/api/users/me", reader));
                Projections.sleep(Duration.ofSeconds(2));
            }
            SERVICES.start(Service.KEYCLOAK);
            up = Instant.now();
            Projections.sleep(Duration.ofSeconds(5));
        } finally {
            load.stop();
        }
        List<WriteLoad.Sent> sent = load.sent();
        Instant downAt = down;
        Instant upAt = up;
        long duringOutage = WriteLoad.count(sent, s -> s.answer().ok() && !s.sentAt().isBefore(downAt)
                && s.sentAt().isBefore(upAt));
        List<WriteLoad.Sent> failed = sent.stream().filter(s -> !s.answer().ok()).toList();
        List<HubHttp.Answer> failedReads = reads.stream().filter(r -> !r.ok()).toList();
        String fresh = new KeycloakTokens(TestServices.keycloakUrl()).accessToken("bob");

        Projections projections = new Projections(http, query.baseUrl(), stack.indexPrefix());
        Map<String, Long> acked = load.ackedVersions();
        long missing = -1;
        for (Instant limit = Instant.now().plus(CATCH_UP_LIMIT); Instant.now().isBefore(limit); ) {
            missing = projections.missing(acked);
            if (missing == 0) {
                break;
            }
            Projections.sleep(Duration.ofSeconds(1));
        }

        System.out.printf("%n[KeycloakOutageIT] commands sent %d, acknowledged %d (%d while Keycloak was down),"
                        + " failed %d; reads with issued tokens during the outage %d, failed %d; Keycloak down %d s;"
                        + " sign-in during the outage: %s; versions missing from the catalogue %d%n%n",
                sent.size(), sent.size() - failed.size(), duringOutage, failed.size(), reads.size(),
                failedReads.size(), Duration.between(down, up).toSeconds(), signIn, missing);

        assertThat(failed).as("commands with an issued token, answered other than 2xx").isEmpty();
        assertThat(duringOutage).as("commands acknowledged while Keycloak was down").isPositive();
        assertThat(failedReads).as("reads with an issued token while Keycloak was down").isEmpty();
        assertThat(reads).isNotEmpty();
        assertThat(signIn).as("a sign-in while Keycloak is down fails, saying where")
                .hasMessageContaining("Keycloak at " + TestServices.keycloakUrl() + " did not answer");
        assertThat(http.get(query.baseUrl() + "/api/catalogue/my-models", fresh).status())
                .as("a token issued after Keycloak's return").isEqualTo(200);
        assertThat(http.get(command.baseUrl() + "/api/users/me", writer).status())
                .as("a token issued before the outage, after it").isEqualTo(200);
        assertThat(missing).as("acknowledged versions missing from the catalogue").isZero();
    }

    private static Throwable catchSignIn() {
        try {
            new KeycloakTokens(TestServices.keycloakUrl()).accessToken("bob");
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
