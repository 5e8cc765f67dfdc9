package io.xinference.hub.devstack.bench;

import io.xinference.hub.devstack.KeycloakTokens;

/**
 * Demo users' tokens for many client threads: one fetch at a time. The realm has brute-force protection, and a
 * burst of parallel password grants for one user (all threads missing the cache together) gets refused as
 * "invalid user credentials" (seen in a trial run).
 */
final class BenchTokens {

    private final KeycloakTokens tokens;

    BenchTokens(String keycloakUrl) {
        this.tokens = new KeycloakTokens(keycloakUrl);
    }

    synchronized String accessToken(String username) {
        return tokens.accessToken(username);
    }
}
