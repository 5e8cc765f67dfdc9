package io.xinference.hub.query.projection;

import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shares the pooled processors' segments among the live query instances. Axon's coordinator claims every
 * segment it finds free, so the instance that starts first takes them all and a second one idles; Axon
 * (without Axon Server) never rebalances. Each instance refreshes its row in {@code query_instance} every second,
 * and every {@code hub.balance.interval} (default 5 s), for each pooled processor, releases the segments it holds
 * beyond its share (segments ÷ live instances, rounded up); another instance claims them at its next claim
 * interval, and the releasing one does not take them back for two claim intervals. An instance is live while its
 * row is younger than {@value #LIVE_SECONDS} s: a killed instance stops counting before its claims expire, so the
 * survivor does not give back a segment it just took over.
 */
@Component
public class SegmentBalancer {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
    static final int LIVE_SECONDS = 3;

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final Duration interval;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "segment-balancer");
        thread.setDaemon(true);
        return thread;
    });

    public SegmentBalancer(JdbcTemplate jdbc, EventProcessingConfiguration processing,
                           @Value("${hub.balance.interval:5s}") Duration interval) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.interval = interval;
    }

    private long lastBalance = System.nanoTime();

    @EventListener(ApplicationReadyEvent.class)
    void startBalancing() {
        timer.scheduleWithFixedDelay(this::tick, 0, 1, TimeUnit.SECONDS);
    }

    private void tick() {
        try {
            jdbc.update("INSERT INTO query_instance (node, heartbeat) VALUES (?, now())"
                    + " ON CONFLICT (node) DO UPDATE SET heartbeat = now()", node);
            if (System.nanoTime() - lastBalance >= interval.toNanos()) {
                lastBalance = System.nanoTime();
                balance();
            }
        } catch (RuntimeException e) {
            log.warn("segment balancing failed this round", e);
        }
    }

    void balance() {
        try {
            Integer live = jdbc.queryForObject("SELECT count(*) FROM query_instance"
                    + " WHERE now() - heartbeat < make_interval(secs => ?)", Integer.class, LIVE_SECONDS);
            if (live == null || live < 2) {
                return;
            }
            processing.eventProcessors().values().stream()
                    .filter(PooledStreamingEventProcessor.class::isInstance)
                    .map(PooledStreamingEventProcessor.class::cast)
                    .forEach(processor -> releaseSurplus(processor, live));
        } catch (RuntimeException e) {
            log.warn("segment balancing failed this round", e);
        }
    }

    private void releaseSurplus(PooledStreamingEventProcessor processor, int live) {
        Integer segments = jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ?",
                Integer.class, processor.getName());
        if (segments == null || segments == 0) {
            return;
        }
        int share = (segments + live - 1) / live;
        List<Integer> held = new ArrayList<>(processor.processingStatus().keySet());
        held.sort(null);
        for (int i = share; i < held.size(); i++) {
            log.info("{}: releasing segment {} (holding {} of {} segments, {} live instances)", processor.getName(),
                    held.get(i), held.size(), segments, live);
            processor.releaseSegment(held.get(i));
        }
    }

    /** Leaving: the others no longer count this instance. */
    @PreDestroy
    void stop() {
        timer.shutdownNow();
        try {
            jdbc.update("DELETE FROM query_instance WHERE node = ?", node);
        } catch (RuntimeException e) {
            log.debug("could not remove this instance's row", e);
        }
    }
}
