package io.xinference.hub.query.replay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * Zero-downtime rebuilds of a read model from the event store, for admins (hub-admin, via
 * {@code /api/admin/**} in the security configuration).
 */
@RestController
@RequestMapping("/api/admin/rebuilds")
@ApiResponse(responseCode = "403", description = "the caller lacks hub-admin",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class RebuildController {

    private final Rebuilds rebuilds;

    public RebuildController(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Operation(summary = "Start rebuilding a projection (catalogue, review-queue, audit-trail) into a fresh index; the alias moves when done")
    @ApiResponse(responseCode = "202", description = "started; poll the Location for progress")
    @ApiResponse(responseCode = "400", description = "unknown or not rebuildable projection",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "a rebuild is already running",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/{projection}")
    public ResponseEntity<RebuildStatus> start(@PathVariable String projection) {
        RebuildStatus status = rebuilds.start(projection);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/admin/rebuilds/" + status.id()))
                .body(status);
    }

    @Operation(summary = "Rebuilds of this instance, newest first")
    @GetMapping
    public List<RebuildStatus> list() {
        return rebuilds.list();
    }

    @Operation(summary = "Progress of one rebuild: phase, events done / total, rate, ETA")
    @ApiResponse(responseCode = "404", description = "no such rebuild",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/{id}")
    public RebuildStatus status(@PathVariable String id) {
        return rebuilds.status(id);
    }

    @Operation(summary = "Cancel a rebuild that is still building (its fresh index is deleted; the alias never moved)")
    @ApiResponse(responseCode = "404", description = "no such rebuild",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @DeleteMapping("/{id}")
    public ResponseEntity<RebuildStatus> cancel(@PathVariable String id) {
        return ResponseEntity.accepted().body(rebuilds.cancel(id));
    }
}
