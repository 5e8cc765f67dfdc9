package io.xinference.hub.query.web;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the SPA finds the APIs and the identity provider, read at run time so one UI build serves every
 * environment. Keycloak's base URL and realm come from the issuer ({@code <keycloak>/realms/<realm>}).
 */
@RestController
public class UiConfigController {

    private final UiConfig config;

    public UiConfigController(@Value("${hub.ui.command-api-url}") String commandApiUrl,
                              @Value("${hub.ui.query-api-url:}") String queryApiUrl,
                              @Value("${hub.ui.issuer-uri}") String issuerUri,
                              @Value("${hub.ui.client-id}") String clientId) {
        int realms = issuerUri.lastIndexOf("/realms/");
        String keycloakUrl = realms < 0 ? issuerUri : issuerUri.substring(0, realms);
        String realm = realms < 0 ? "" : issuerUri.substring(realms + "/realms/".length()).replaceAll("/+$", "");
        this.config = new UiConfig(commandApiUrl, queryApiUrl, keycloakUrl, realm, clientId);
    }

    @Operation(summary = "Run-time configuration of the web UI")
    @GetMapping("/ui-config.json")
    public ResponseEntity<UiConfig> uiConfig() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(config);
    }

    public record UiConfig(String commandApiUrl, String queryApiUrl, String keycloakUrl, String realm,
                           String clientId) {
    }
}
