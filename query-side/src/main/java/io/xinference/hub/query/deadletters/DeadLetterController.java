package io.xinference.hub.query.deadletters;

import io.swagger.v3.oas.annotations.Operation;
import io.xinference.hub.query.web.BadRequestException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Admins' view of the projections: per processing group, whether its processor runs or is in error, how far
 * it is behind the event store ({@link ProjectionLag}), and the events parked in its dead-letter queue (one sequence per model); retrying re-applies parked sequences once the
 * cause is fixed. Needs the admin permission (security configuration).
 */
@RestController
@RequestMapping("/api/admin/projections")
public class DeadLetterController {

    static final List<String> GROUPS = List.of("catalogue", "review-queue", "audit-trail");
    private static final int MAX_LETTERS = 100;

    private final EventProcessingConfiguration processing;
    private final ProjectionLag lag;

    public DeadLetterController(EventProcessingConfiguration processing, ProjectionLag lag) {
        this.processing = processing;
        this.lag = lag;
    }

    @Operation(summary = "Processor status and parked events per projection")
    @GetMapping
    public List<ProjectionStatus> status() {
        return GROUPS.stream().map(this::status).toList();
    }

    @Operation(summary = "Retry every parked sequence of a projection; answers how many sequences now applied")
    @PostMapping("/{group}/dead-letters/retry")
    public Map<String, Object> retry(@PathVariable String group) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(known(group))
                .orElseThrow(() -> new BadRequestException("group", "no dead-letter queue for " + group));
        int applied = 0;
        // each call handles one whole sequence (a model's parked events in order); stop when one fails again
        for (int i = 0; i < 1000 && processor.processAny(); i++) {
            applied++;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("group", group);
        answer.put("sequencesApplied", applied);
        answer.put("stillParked", processing.deadLetterQueue(group).map(SequencedDeadLetterQueue::amountOfSequences)
                .orElse(0L));
        return answer;
    }

    private ProjectionStatus status(String group) {
        Optional<StreamingEventProcessor> processor = processing.eventProcessorByProcessingGroup(group,
                StreamingEventProcessor.class);
        List<ParkedEvent> parked = new ArrayList<>();
        long sequences = 0;
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = processing.deadLetterQueue(group);
        if (queue.isPresent()) {
            sequences = queue.get().amountOfSequences();
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.get().deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    if (parked.size() >= MAX_LETTERS) {
                        break;
                    }
                    parked.add(ParkedEvent.of(letter));
                }
            }
        }
        ProjectionLag.Lag behind = lag.of(group);
        return new ProjectionStatus(group, processor.map(StreamingEventProcessor::isRunning).orElse(false),
                processor.map(StreamingEventProcessor::isError).orElse(false), sequences, parked,
                new LagView(behind.headIndex(), behind.position(), behind.eventsBehind(), behind.seconds()));
    }

    private static String known(String group) {
        if (!GROUPS.contains(group)) {
            throw new BadRequestException("group", "unknown projection " + group);
        }
        return group;
    }

    public record ProjectionStatus(String group, boolean running, boolean error, long parkedSequences,
                                   List<ParkedEvent> parked, LagView lag) {
    }

    /** How far the projection is behind the event store ({@link ProjectionLag}). */
    public record LagView(long headIndex, Long position, long eventsBehind, double oldestUnprojectedSeconds) {
    }

    public record ParkedEvent(String eventId, String payloadType, String aggregateId, Long sequence,
                              String cause, String enqueuedAt) {
        static ParkedEvent of(DeadLetter<? extends EventMessage<?>> letter) {
            EventMessage<?> message = letter.message();
            String aggregateId = message instanceof org.axonframework.eventhandling.DomainEventMessage<?> d
                    ? d.getAggregateIdentifier() : null;
            Long sequence = message instanceof org.axonframework.eventhandling.DomainEventMessage<?> d
                    ? d.getSequenceNumber() : null;
            return new ParkedEvent(message.getIdentifier(), message.getPayloadType().getSimpleName(), aggregateId,
                    sequence, letter.cause().map(c -> c.type() + ": " + c.message()).orElse(null),
                    String.valueOf(letter.enqueuedAt()));
        }
    }
}
