package io.xinference.hub.command.usercenter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.xinference.hub.security.CurrentUser;
import io.xinference.hub.security.HubPermission;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * The user center: who the caller is (from the token), what they may do, and their GitHub token for pull requests
 * (write-only: it is never returned). Password, email and account changes belong to Keycloak's account console,
 * linked from here.
 */
@RestController
@RequestMapping("/api/users/me")
@Tag(name = "User center")
public class UserCenterController {

    private final GithubTokens githubTokens;
    private final String accountConsoleUrl;

    public UserCenterController(GithubTokens githubTokens,
                                @Value("${hub.security.issuer-uri:}") String issuerUri) {
        this.githubTokens = githubTokens;
        this.accountConsoleUrl = issuerUri.isBlank() ? null : issuerUri + "/account";
    }

    public record Profile(String subject, String username, String name, String email, boolean emailVerified,
                          List<String> permissions, boolean githubTokenSet, Instant githubTokenUpdatedAt,
                          boolean githubTokenStorageAvailable, String accountConsoleUrl) {
    }

    public record GithubTokenRequest(String token) {
        @Override
        public String toString() {
            return "GithubTokenRequest[redacted]";
        }
    }

    @GetMapping
    @Operation(summary = "The caller's profile, permissions and whether a GitHub token is stored")
    public Profile profile(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        JwtAuthenticationToken token = (JwtAuthenticationToken) authentication;
        Instant tokenSetAt = githubTokens.lastSet(user.subject()).orElse(null);
        return new Profile(user.subject(), user.username(), token.getToken().getClaimAsString("name"),
                token.getToken().getClaimAsString("email"),
                Boolean.TRUE.equals(token.getToken().getClaimAsBoolean("email_verified")),
                user.permissions().stream().map(HubPermission::role).sorted().toList(),
                tokenSetAt != null, tokenSetAt, githubTokens.storageConfigured(), accountConsoleUrl);
    }

    @PutMapping("/github-token")
    @Operation(summary = "Store (or replace) the caller's GitHub token, encrypted; it is never returned")
    public ResponseEntity<Void> setGithubToken(Authentication authentication, @RequestBody GithubTokenRequest body) {
        CurrentUser user = CurrentUser.of(authentication);
        githubTokens.set(user.subject(), user.username(), body.token());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/github-token")
    @Operation(summary = "Remove the caller's GitHub token")
    public ResponseEntity<Void> clearGithubToken(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        githubTokens.clear(user.subject(), user.username());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(GithubTokens.MalformedGithubToken.class)
    ProblemDetail malformed(GithubTokens.MalformedGithubToken e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Malformed GitHub token");
        problem.setType(URI.create("urn:models-hub:problem:malformed-github-token"));
        problem.setProperty("errors", List.of(java.util.Map.of("pointer", "/token", "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(GithubTokens.TokenStorageNotConfigured.class)
    ProblemDetail notConfigured(GithubTokens.TokenStorageNotConfigured e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("GitHub token storage unavailable");
        return problem;
    }
}
