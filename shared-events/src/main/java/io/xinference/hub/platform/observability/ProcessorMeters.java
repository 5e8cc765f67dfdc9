package io.xinference.hub.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gauges of every streaming event processor of this instance (tag {@code processor}): how many of its segments
 * this instance owns ({@code hub.processor.segments.owned}; summed over instances it is the processor's segment
 * count), whether it runs or is in error, and how many events its dead-letter queue holds
 * ({@code hub.processor.dead.letters}, where the processor has one). Registered once the application is ready,
 * when Axon has built its processors. Values are read when scraped; the dead-letter count is a database count,
 * so it is kept for a few seconds.
 */
public class ProcessorMeters {

    private static final Duration DEAD_LETTER_CACHE = Duration.ofSeconds(5);

    private final EventProcessingConfiguration processing;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Counted> deadLetters = new ConcurrentHashMap<>();

    public ProcessorMeters(EventProcessingConfiguration processing, MeterRegistry registry, Clock clock) {
        this.processing = processing;
        this.registry = registry;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void register() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                register(name, streaming);
            }
        });
    }

    private void register(String name, StreamingEventProcessor processor) {
        Gauge.builder("hub.processor.segments.owned", processor, p -> p.processingStatus().size())
                .tag("processor", name).description("segments of this processor owned by this instance")
                .register(registry);
        Gauge.builder("hub.processor.running", processor, p -> p.isRunning() ? 1 : 0)
                .tag("processor", name).register(registry);
        Gauge.builder("hub.processor.error", processor, p -> p.isError() ? 1 : 0)
                .tag("processor", name).description("1 while the processor backs off after an error")
                .register(registry);
        processing.deadLetterQueue(processor.getName()).ifPresent(queue ->
                Gauge.builder("hub.processor.dead.letters", queue, q -> deadLetters(name, q))
                        .tag("processor", name).description("events parked in the processor's dead-letter queue")
                        .register(registry));
    }

    private double deadLetters(String name, SequencedDeadLetterQueue<EventMessage<?>> queue) {
        Instant now = clock.instant();
        Counted last = deadLetters.get(name);
        if (last != null && last.at().plus(DEAD_LETTER_CACHE).isAfter(now)) {
            return last.count();
        }
        long count = queue.size();
        deadLetters.put(name, new Counted(count, now));
        return count;
    }

    private record Counted(long count, Instant at) {
    }
}
