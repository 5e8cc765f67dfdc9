package io.xinference.hub.query.replay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.xinference.hub.query.web.BadRequestException;
import io.xinference.hub.query.web.NotFoundException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Discarding a model's parked events (inspection and retry are {@code GET /api/admin/projections} and
 * {@code POST .../dead-letters/retry}). For an event that can never apply; the model's read document then stays
 * as it was until a rebuild (which folds every event from the store) or its next event. hub-admin only.
 */
@RestController
public class DeadLetterDiscardController {

    private static final List<String> GROUPS = List.of("catalogue", "review-queue", "audit-trail");

    private final EventProcessingConfiguration processing;

    public DeadLetterDiscardController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Operation(summary = "Discard the parked events of one model (the dead-letter sequence) of a projection")
    @ApiResponse(responseCode = "400", description = "unknown projection",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "nothing parked for this model",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "the caller lacks hub-admin",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @DeleteMapping("/api/admin/projections/{group}/dead-letters/{modelId}")
    public Map<String, Object> discard(@PathVariable String group, @PathVariable String modelId) {
        if (!GROUPS.contains(group)) {
            throw new BadRequestException("group", "unknown projection " + group);
        }
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(group)
                .orElseThrow(() -> new BadRequestException("group", "no dead-letter queue for " + group));
        if (!queue.contains(modelId)) {
            throw new NotFoundException("nothing parked for model " + modelId + " in " + group);
        }
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(modelId).forEach(letters::add);
        letters.forEach(letter -> queue.evict(letter));
        return Map.of("group", group, "modelId", modelId, "discarded", letters.size());
    }
}
