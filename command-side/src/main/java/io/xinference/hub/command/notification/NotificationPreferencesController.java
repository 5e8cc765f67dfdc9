package io.xinference.hub.command.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.xinference.hub.command.web.Problems;
import io.xinference.hub.security.CurrentUser;
import io.xinference.hub.security.HubPermission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The user center's mail settings: which mails the caller gets. */
@RestController
@RequestMapping("/api/users/me/notifications")
@Tag(name = "User center")
public class NotificationPreferencesController {

    private final MailPreferenceStore preferences;
    private final Clock clock = Clock.systemUTC();

    public NotificationPreferencesController(MailPreferenceStore preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    @Operation(summary = "Which mails the caller gets (defaults until changed)")
    @ApiResponse(responseCode = "200", description = "The caller's choices")
    public MailPreferences get(Authentication authentication) {
        return preferences.of(CurrentUser.of(authentication).subject());
    }

    @PutMapping
    @Operation(summary = "Choose which mails the caller gets; new submissions only for reviewers")
    @ApiResponse(responseCode = "200", description = "The choices as stored")
    @ApiResponse(responseCode = "422", description = "newSubmissions asked for without the review permission",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    public MailPreferences put(Authentication authentication, @Valid @RequestBody PreferencesRequest request) {
        CurrentUser user = CurrentUser.of(authentication);
        MailPreferences wanted = request.preferences();
        boolean reviewer = user.has(HubPermission.REVIEW_LIST) || user.has(HubPermission.REVIEW_DECIDE);
        if (wanted.newSubmissions() && !reviewer) {
            throw new NotAReviewer();
        }
        preferences.save(user.subject(), wanted, reviewer, user.has(HubPermission.VIEW_ADVANCED), clock.instant());
        return preferences.of(user.subject());
    }

    /** Every choice explicit: a forgotten field is an error, not a silent "off". */
    public record PreferencesRequest(@NotNull Boolean reviewDecisions, @NotNull Boolean newSubmissions,
                                     @NotNull Boolean expiryReminders, @NotNull Boolean webhookAlerts) {
        MailPreferences preferences() {
            return new MailPreferences(reviewDecisions, newSubmissions, expiryReminders, webhookAlerts);
        }
    }

    @ExceptionHandler(NotAReviewer.class)
    ProblemDetail notAReviewer(NotAReviewer e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "not-a-reviewer",
                "Only reviewers get new submissions", e.getMessage());
        problem.setProperty("errors", List.of(Map.of("pointer", "/newSubmissions", "message", e.getMessage())));
        return problem;
    }

    static final class NotAReviewer extends RuntimeException {
        NotAReviewer() {
            super("new submissions are sent to reviewers only; the caller may not review");
        }
    }
}
