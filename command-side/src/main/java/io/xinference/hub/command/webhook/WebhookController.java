package io.xinference.hub.command.webhook;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.xinference.hub.command.web.Problems;
import io.xinference.hub.security.CurrentUser;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * Webhooks: an owner's receivers for their models' events (admins also for every public model's), and each one's
 * delivery log with redelivery. Deliveries are POSTs of a JSON body signed with the webhook's secret (see
 * {@link WebhookSignature}); the secret is in the answer to the creation only.
 */
@RestController
@RequestMapping("/api/webhooks")
@Tag(name = "Webhooks")
public class WebhookController {

    private static final String PROBLEM = "application/problem+json";

    private final Webhooks webhooks;

    public WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping
    @Operation(summary = "Register a webhook; the answer holds its signing secret, shown this once",
            description = "Deliveries are POSTs of {id, kind, occurredAt, actor, model: {id, name, url}, data} with"
                    + " headers X-Hub-Event, X-Hub-Delivery, X-Hub-Timestamp (Unix seconds) and X-Hub-Signature-256:"
                    + " sha256=hex(HMAC-SHA256(secret, timestamp + \".\" + body)). Refuse old timestamps against"
                    + " replays. Failed deliveries are retried with back-off; a webhook that fails too often in a"
                    + " row is paused and its owner mailed.")
    @ApiResponse(responseCode = "201", description = "Registered; Location is the webhook")
    @ApiResponse(responseCode = "403", description = "ALL_PUBLIC asked for by a non-admin",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    @ApiResponse(responseCode = "409", description = "The caller has the most webhooks allowed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    @ApiResponse(responseCode = "503", description = "The hub has no key to keep webhook secrets with",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    public ResponseEntity<WebhookView> create(Authentication authentication, @RequestBody WebhookRequest request) {
        WebhookView created = webhooks.create(CurrentUser.of(authentication), request);
        return ResponseEntity.created(URI.create("/api/webhooks/" + created.id())).body(created);
    }

    @GetMapping
    @Operation(summary = "The caller's webhooks")
    @ApiResponse(responseCode = "200", description = "The caller's webhooks, oldest first (never their secrets)")
    public List<WebhookView> list(Authentication authentication) {
        return webhooks.list(CurrentUser.of(authentication));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of the caller's webhooks")
    @ApiResponse(responseCode = "200", description = "The webhook (never its secret)")
    @ApiResponse(responseCode = "404", description = "No such webhook among the caller's",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    public WebhookView get(Authentication authentication, @PathVariable String id) {
        return webhooks.get(CurrentUser.of(authentication), id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change URL and event kinds; \"active\": false pauses, true resumes")
    @ApiResponse(responseCode = "200", description = "The changed webhook")
    @ApiResponse(responseCode = "404", description = "No such webhook among the caller's",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    public WebhookView update(Authentication authentication, @PathVariable String id,
                              @RequestBody WebhookRequest request) {
        return webhooks.update(CurrentUser.of(authentication), id, request);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a webhook with its delivery log")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such webhook among the caller's",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    public ResponseEntity<Void> delete(Authentication authentication, @PathVariable String id) {
        webhooks.delete(CurrentUser.of(authentication), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The delivery log, newest first (at most 100): status, attempts with status and latency")
    @ApiResponse(responseCode = "200", description = "The deliveries with their attempts")
    @ApiResponse(responseCode = "404", description = "No such webhook among the caller's",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    public List<Delivery> deliveries(Authentication authentication, @PathVariable String id) {
        return webhooks.deliveries(CurrentUser.of(authentication), id);
    }

    @GetMapping("/{id}/deliveries/{deliveryId}")
    @Operation(summary = "One delivery with its attempts")
    @ApiResponse(responseCode = "200", description = "The delivery")
    @ApiResponse(responseCode = "404", description = "No such webhook among the caller's, or no such delivery of it",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    public Delivery delivery(Authentication authentication, @PathVariable String id,
                             @PathVariable String deliveryId) {
        return webhooks.delivery(CurrentUser.of(authentication), id, deliveryId);
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/redelivery")
    @Operation(summary = "Send a delivery's body again, as a new delivery due now")
    @ApiResponse(responseCode = "202", description = "Queued; the answer is the new delivery")
    @ApiResponse(responseCode = "404", description = "No such webhook among the caller's, or no such delivery of it",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    public ResponseEntity<Delivery> redeliver(Authentication authentication, @PathVariable String id,
                                              @PathVariable String deliveryId) {
        Delivery copy = webhooks.redeliver(CurrentUser.of(authentication), id, deliveryId);
        return ResponseEntity.accepted()
                .location(URI.create("/api/webhooks/" + id + "/deliveries/" + copy.id())).body(copy);
    }

    @ExceptionHandler(WebhookRefusal.class)
    ResponseEntity<ProblemDetail> refused(WebhookRefusal refusal) {
        ProblemDetail problem = Problems.of(refusal.status(), refusal.type(), refusal.title(), refusal.getMessage());
        if (!refusal.violations().isEmpty()) {
            Problems.withErrors(problem, refusal.violations());
        }
        return ResponseEntity.status(refusal.status()).body(problem);
    }

    @ExceptionHandler(WebhookSecrets.SecretStorageUnavailable.class)
    ResponseEntity<ProblemDetail> noSecretStorage(WebhookSecrets.SecretStorageUnavailable e) {
        return refused(WebhookRefusal.storageUnavailable(e.getMessage()));
    }
}
