package io.xinference.hub.query.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.xinference.hub.query.catalogue.CatalogueDocument;
import io.xinference.hub.query.web.BadRequestException;
import io.xinference.hub.query.web.NotFoundException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Auditors' view of one model straight from the event store (audit-read permission, checked for
 * {@code /api/audit-trail/**} in the security configuration). Visibility does not apply here: an audit must be
 * complete, so a private model's history is as readable to an auditor as a public one's; audit-read is granted
 * only to auditors and admins.
 */
@RestController
@RequestMapping("/api/audit-trail/models/{modelId}")
@ApiResponse(responseCode = "400", description = "invalid parameter",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "no events for this model (or none at that point)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "the caller lacks audit-read",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class ModelHistoryController {

    private final ModelHistory history;

    public ModelHistoryController(ModelHistory history) {
        this.history = history;
    }

    @Operation(summary = "Every stored event of a model, in order: who, when, what, payload and metadata")
    @GetMapping("/history")
    public History history(@PathVariable String modelId) {
        List<HistoryEvent> events = history.events(modelId);
        return new History(modelId, events.get(events.size() - 1).sequence(), events);
    }

    @Operation(summary = "The model as it was at an instant (at=ISO-8601) or just after a version (version=N)")
    @GetMapping("/state")
    public State state(@PathVariable String modelId, @RequestParam(required = false) String at,
                       @RequestParam(required = false) Long version) {
        if ((at == null) == (version == null)) {
            throw new BadRequestException("at", "give exactly one of at (ISO-8601 instant) or version");
        }
        CatalogueDocument state = version != null
                ? history.stateAtVersion(modelId, nonNegative(version, "version"))
                .orElseThrow(() -> new NotFoundException("model " + modelId + " has no version " + version))
                : history.stateAt(modelId, instant(at))
                .orElseThrow(() -> new NotFoundException("model " + modelId + " did not exist at " + at));
        return new State(modelId, state.version(), state);
    }

    @Operation(summary = "What changed between two versions: definition by JSON pointer, README by line")
    @GetMapping("/diff")
    public Diff diff(@PathVariable String modelId, @RequestParam long from, @RequestParam long to) {
        CatalogueDocument before = history.stateAtVersion(modelId, nonNegative(from, "from"))
                .orElseThrow(() -> new NotFoundException("model " + modelId + " has no version " + from));
        CatalogueDocument after = history.stateAtVersion(modelId, nonNegative(to, "to"))
                .orElseThrow(() -> new NotFoundException("model " + modelId + " has no version " + to));
        return new Diff(modelId, before.version(), after.version(),
                JsonPointerDiff.between(before.definition(), after.definition()),
                LineDiff.between(before.readme(), after.readme()));
    }

    private static long nonNegative(long value, String parameter) {
        if (value < 0) {
            throw new BadRequestException(parameter, parameter + " must not be negative");
        }
        return value;
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("at", "at must be an ISO-8601 instant");
        }
    }

    public record History(String modelId, long version, List<HistoryEvent> events) {
    }

    /** {@code version}: the last event folded in (the version the model had at that point). */
    public record State(String modelId, long version, CatalogueDocument model) {
    }

    public record Diff(String modelId, long fromVersion, long toVersion, List<JsonPointerDiff.Change> definition,
                       List<LineDiff.Line> readme) {
    }
}
