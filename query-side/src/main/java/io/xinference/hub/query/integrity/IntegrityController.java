package io.xinference.hub.query.integrity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.xinference.hub.query.web.NotFoundException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Tamper evidence for auditors (audit-read, via {@code /api/audit-trail/**} in the security configuration). */
@RestController
@ApiResponse(responseCode = "403", description = "the caller lacks audit-read",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class IntegrityController {

    private final IntegrityVerifier verifier;

    public IntegrityController(IntegrityVerifier verifier) {
        this.verifier = verifier;
    }

    @Operation(summary = "Verify one model's events against their anchors; names the first broken link")
    @ApiResponse(responseCode = "404", description = "no stored or anchored events for this model",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/api/audit-trail/models/{modelId}/integrity")
    public IntegrityReport model(@PathVariable String modelId) {
        IntegrityReport report = verifier.verifyModel(modelId);
        if (report.eventsChecked() == 0 && report.unanchored() == 0) {
            throw new NotFoundException("no events for model " + modelId);
        }
        return report;
    }

    @Operation(summary = "Verify the whole event store (every anchor and both chains); names the first broken link")
    @GetMapping("/api/audit-trail/integrity")
    public IntegrityReport store() {
        return verifier.verifyStore();
    }
}
