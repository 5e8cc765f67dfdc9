package io.xinference.hub.command.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The permission matrix end to end: real Keycloak tokens of the demo personas, through the shared token mapping,
 * to the rules. Each row sets up a fresh model as its owner and lets the persona try one call.
 */
class PermissionMatrixIT extends CommandSideIT {

    @ParameterizedTest(name = "{0} registers {1}: {2} {3}")
    @CsvSource({
            "alice,  PRIVATE,    201, APPROVED",
            "alice,  PUBLIC,     201, PENDING_REVIEW",
            "alice,  ENTERPRISE, 403, ",
            "bob,    PUBLIC,     201, PENDING_REVIEW",
            "paula,  PUBLIC,     201, APPROVED",
            "paula,  ENTERPRISE, 403, ",
            "erin,   ENTERPRISE, 201, APPROVED",
            "rita,   PUBLIC,     201, PENDING_REVIEW",
            "rita,   ENTERPRISE, 403, ",
            "audrey, PRIVATE,    201, APPROVED",
            "audrey, PUBLIC,     201, PENDING_REVIEW",
            "adam,   ENTERPRISE, 201, APPROVED",
    })
    void registration(String persona, String visibility, int status, String modelStatus) {
        Api.Answer answer = register(persona, "embedding", visibility, fixtureNamed("embedding", uniqueName("matrix")));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        if (modelStatus != null) {
            assertThat(answer.body().path("status").asText()).isEqualTo(modelStatus);
        }
    }

    @ParameterizedTest(name = "{0}''s {1} model, {2} updates its README: {3}")
    @CsvSource({
            "alice, PRIVATE,    alice,  200",
            "alice, PRIVATE,    paula,  200",
            "alice, PRIVATE,    adam,   200",
            "alice, PRIVATE,    bob,    404",
            "alice, PRIVATE,    rita,   404",
            "alice, PRIVATE,    erin,   404",
            "alice, PRIVATE,    audrey, 403",
            "paula, PUBLIC,     paula,  200",
            "paula, PUBLIC,     adam,   200",
            "paula, PUBLIC,     alice,  403",
            "paula, PUBLIC,     erin,   403",
            "paula, PUBLIC,     rita,   403",
            "paula, PUBLIC,     audrey, 403",
            "adam,  ENTERPRISE, erin,   200",
            "adam,  ENTERPRISE, paula,  404",
            "adam,  ENTERPRISE, alice,  404",
            "adam,  ENTERPRISE, rita,   404",
            "adam,  ENTERPRISE, audrey, 403",
    })
    void maintenance(String owner, String visibility, String persona, int status) {
        String id = modelOf(owner, visibility);

        Api.Answer answer = api().call("PUT", "/api/registry/models/" + id + "/readme").token(token(persona))
                .json(Map.of("readme", "# by " + persona)).send();

        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0}''s {1} model, {2} expires it now: {3}")
    @CsvSource({
            "alice, PRIVATE,    alice,  200",
            "paula, PUBLIC,     paula,  200",
            "paula, PUBLIC,     alice,  403",
            "adam,  ENTERPRISE, erin,   200",
            "adam,  ENTERPRISE, paula,  404",
            "erin,  ENTERPRISE, audrey, 403",
    })
    void expiry(String owner, String visibility, String persona, int status) {
        String id = modelOf(owner, visibility);

        Api.Answer answer = api().call("POST", "/api/registry/models/" + id + "/expiry").token(token(persona)).send();

        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    }

    @ParameterizedTest(name = "alice''s submission, {0} approves: {1}")
    @CsvSource({
            "rita,   200",
            "adam,   200",
            "alice,  403",
            "paula,  403",
            "audrey, 403",
            "bob,    404",
            "erin,   404",
    })
    void review(String persona, int status) {
        String id = modelOf("alice", "PUBLIC");

        Api.Answer answer = api().call("POST", "/api/registry/models/" + id + "/approval").token(token(persona)).send();

        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    }

    private String modelOf(String owner, String visibility) {
        Api.Answer registered = register(owner, "embedding", visibility, fixtureNamed("embedding", uniqueName("matrix")));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.body().path("modelId").asText();
    }
}
