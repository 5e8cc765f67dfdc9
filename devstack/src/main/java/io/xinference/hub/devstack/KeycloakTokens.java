package io.xinference.hub.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the hub's Keycloak realm for the demo users, through the password grant of the
 * {@code models-hub-cli} client. Tokens are cached per user for a few minutes (they live 15).
 */
public final class KeycloakTokens {

    public static final String REALM = "models-hub";
    public static final String CLI_CLIENT = "models-hub-cli";
    public static final String DEMO_PASSWORD = "hub-demo-pass";

    private static final Duration REUSE_FOR = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String keycloakUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, CachedToken> cache = new ConcurrentHashMap<>();

    public KeycloakTokens(String keycloakUrl) {
        this.keycloakUrl = keycloakUrl;
    }

    /** For the Keycloak that {@code ./hub test} started. */
    public static KeycloakTokens forTestServices() {
        return new KeycloakTokens(TestServices.keycloakUrl());
    }

    /** An access token for a demo user (alice, bob, paula, erin, rita, audrey, adam). */
    public String accessToken(String username) {
        return accessToken(username, DEMO_PASSWORD);
    }

    public String accessToken(String username, String password) {
        CachedToken cached = cache.get(username);
        if (cached != null && cached.fresh()) {
            return cached.token();
        }
        String token = requestToken(username, password);
        cache.put(username, new CachedToken(token, System.nanoTime()));
        return token;
    }

    private String requestToken(String username, String password) {
        String form = "grant_type=password&client_id=" + CLI_CLIENT + "&username=" + encode(username)
                + "&password=" + encode(password);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(keycloakUrl + "/realms/" + REALM + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + username + ": "
                        + response.statusCode() + " " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            return body.path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak at " + keycloakUrl + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record CachedToken(String token, long issuedAtNanos) {
        boolean fresh() {
            return System.nanoTime() - issuedAtNanos < REUSE_FOR.toNanos();
        }
    }
}
