package io.xinference.hub.query.replay;

import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Pauses this instance's processor of a projection while another instance swaps a rebuild of it in (see
 * {@link ProjectionRebuilder}): shut down (its claims released at once) when the registry shows a live swap
 * elsewhere, started again when the swap is done or its instance stopped answering. Checked every
 * {@code hub.rebuild.pause-check}.
 */
@Component
public class SwapPauses {

    private static final Logger log = LoggerFactory.getLogger(SwapPauses.class);

    private final RebuildRegistry registry;
    private final EventProcessingConfiguration processing;
    private final RebuildProperties properties;
    private final List<String> projections;
    private final Set<String> pausedHere = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService check = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-swap-pauses");
        thread.setDaemon(true);
        return thread;
    });

    public SwapPauses(RebuildRegistry registry, EventProcessingConfiguration processing, RebuildProperties properties,
                      List<RebuildFold> folds) {
        this.registry = registry;
        this.processing = processing;
        this.properties = properties;
        this.projections = folds.stream().map(RebuildFold::projection).toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    void startChecking() {
        check.scheduleWithFixedDelay(this::check, 0, properties.pauseCheck().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The projections whose processor is paused here for a swap elsewhere. */
    public Set<String> paused() {
        return Set.copyOf(pausedHere);
    }

    private void check() {
        for (String projection : projections) {
            try {
                boolean swapping = registry.swappingElsewhere(projection);
                if (swapping && pausedHere.add(projection)) {
                    log.info("pausing {}: another instance swaps a rebuild in", projection);
                    processor(projection).shutdownAsync().get(2, TimeUnit.MINUTES);
                } else if (!swapping && pausedHere.remove(projection)) {
                    log.info("resuming {}: the swap elsewhere is over", projection);
                    processor(projection).start();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("could not check for a swap of {} elsewhere", projection, e);
            }
        }
    }

    private StreamingEventProcessor processor(String projection) {
        return processing.eventProcessorByProcessingGroup(projection, StreamingEventProcessor.class).orElseThrow();
    }

    @PreDestroy
    void stop() {
        check.shutdownNow();
    }
}
