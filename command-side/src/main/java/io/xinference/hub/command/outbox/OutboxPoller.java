package io.xinference.hub.command.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The command side's one poller of due side effects (it replaced one poller per feature). Each poll reads the
 * {@link OutboxBacklog} once and starts, on a thread of its own, each feature that has due rows and is not still
 * busy with the last ones: a webhook receiver that times out delays no mail. The tables, not this timer, survive
 * a restart; several instances may poll them ({@link LeasedClaims}).
 */
public class OutboxPoller implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxPoller.class);

    private final List<OutboxFeature> features;
    private final OutboxBacklog backlog;
    private final Clock clock;
    private final ExecutorService workers;
    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    public OutboxPoller(List<OutboxFeature> features, OutboxBacklog backlog, Clock clock) {
        this.features = List.copyOf(features);
        this.backlog = backlog;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, features.size()), runnable -> {
            Thread thread = new Thread(runnable, "outbox-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(fixedDelayString = "${hub.outbox.poll-interval:2s}", initialDelayString = "${hub.outbox.poll-interval:2s}")
    public void poll() {
        Map<String, OutboxBacklog.Counts> counts;
        try {
            counts = backlog.at(clock.instant());
        } catch (RuntimeException e) {
            // the database may be briefly away; the next poll tries again and nothing due is lost
            log.warn("outbox poll failed", e);
            return;
        }
        for (OutboxFeature feature : features) {
            OutboxBacklog.Counts due = counts.get(feature.name());
            if (due != null && due.due() > 0 && busy.add(feature.name())) {
                start(feature);
            }
        }
    }

    private void start(OutboxFeature feature) {
        try {
            workers.execute(() -> {
                try {
                    feature.runDue();
                } catch (RuntimeException e) {
                    log.warn("outbox: {} failed; its rows stay due", feature.name(), e);
                } finally {
                    busy.remove(feature.name());
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            busy.remove(feature.name());
        }
    }

    /** Finished rows are kept for a while (to see what was done), then forgotten so the tables stay small. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
    public void forgetFinished() {
        for (OutboxFeature feature : features) {
            try {
                feature.forgetFinished(clock.instant());
            } catch (RuntimeException e) {
                log.warn("outbox: forgetting finished {} rows failed; the next run tries again", feature.name(), e);
            }
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }
}
