package io.xinference.hub.command.notification;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * People's addresses from Keycloak's admin REST API ({@code GET /admin/realms/{realm}/users/{subject}}), read
 * with the service account of a confidential client that holds realm-management's {@code view-users} role and
 * nothing else. The access token is kept until shortly before it expires.
 */
public class KeycloakUserDirectory implements UserDirectory {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    private final RestClient http;
    private final String adminUrl;
    private final String tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private String accessToken;
    private Instant accessTokenExpires = Instant.MIN;

    /** @param issuerUri the realm's issuer, {@code {keycloak}/realms/{realm}}: the default for both URLs */
    public KeycloakUserDirectory(NotificationProperties.Directory directory, String issuerUri, Clock clock) {
        String issuer = issuerUri.replaceAll("/+$", "");
        this.adminUrl = blank(directory.adminUrl()) ? issuer.replace("/realms/", "/admin/realms/") : directory.adminUrl();
        this.tokenUrl = blank(directory.tokenUrl()) ? issuer + "/protocol/openid-connect/token" : directory.tokenUrl();
        this.clientId = directory.clientId();
        this.clientSecret = directory.clientSecret();
        this.clock = clock;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(TIMEOUT);
        requests.setReadTimeout(TIMEOUT);
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    @Override
    public Optional<String> emailOf(String subject) {
        try {
            JsonNode user = http.get().uri(adminUrl + "/users/{id}", subject)
                    .header("Authorization", "Bearer " + token())
                    .retrieve().body(JsonNode.class);
            String email = user == null ? "" : user.path("email").asText("");
            return email.isBlank() ? Optional.empty() : Optional.of(email);
        } catch (HttpClientErrorException.NotFound unknown) {
            return Optional.empty();
        } catch (HttpClientErrorException.Unauthorized expired) {
            forgetToken();
            throw new DirectoryUnavailable("the identity provider refused the notifier's token", expired);
        } catch (RestClientException e) {
            throw new DirectoryUnavailable("the identity provider did not answer: " + e.getMessage(), e);
        }
    }

    private synchronized String token() {
        if (accessToken != null && clock.instant().isBefore(accessTokenExpires)) {
            return accessToken;
        }
        if (blank(clientSecret)) {
            throw new DirectoryUnavailable("no client secret for " + clientId + " (HUB_NOTIFIER_CLIENT_SECRET)", null);
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", clientId);
        form.add("client_secret", clientSecret);
        try {
            JsonNode answer = http.post().uri(tokenUrl).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form).retrieve().body(JsonNode.class);
            accessToken = answer.path("access_token").asText();
            accessTokenExpires = clock.instant().plusSeconds(answer.path("expires_in").asLong(60)).minus(EXPIRY_MARGIN);
            return accessToken;
        } catch (HttpClientErrorException e) {
            throw new DirectoryUnavailable("the identity provider refused client " + clientId + ": "
                    + e.getStatusCode().value(), e);
        } catch (RestClientException e) {
            throw new DirectoryUnavailable("the identity provider did not answer: " + e.getMessage(), e);
        }
    }

    private synchronized void forgetToken() {
        accessToken = null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
