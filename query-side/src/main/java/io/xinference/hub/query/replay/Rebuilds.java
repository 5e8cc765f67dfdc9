package io.xinference.hub.query.replay;

import io.xinference.hub.query.web.BadRequestException;
import io.xinference.hub.query.web.NotFoundException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The rebuilds this instance ran or runs: at most one at a time here, and at most one per projection in the
 * whole deployment ({@link RebuildRegistry}), on a worker thread, cancellable while building. Every read model
 * with a {@link RebuildFold} can be rebuilt: catalogue, review-queue, audit-trail.
 *
 * <p>A rebuild survives its instance: this instance refreshes the heartbeat of the one it runs, and looks for
 * rebuilds whose instance stopped refreshing theirs (killed, crashed, frozen). It takes such a rebuild over under
 * the same id and restarts it from the start into a fresh index; the half-built index is deleted (it was never
 * behind the alias). A rebuild that finds its row taken over stops (its index deleted).
 */
@Component
public class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    private final ProjectionRebuilder rebuilder;
    private final RebuildRegistry registry;
    private final RebuildProperties properties;
    private final Map<String, RebuildFold> folds = new LinkedHashMap<>();
    private final Map<String, Rebuild> all = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Rebuild running;
    private volatile boolean shuttingDown;

    public Rebuilds(ProjectionRebuilder rebuilder, RebuildRegistry registry, RebuildProperties properties,
                    List<RebuildFold> folds) {
        this.rebuilder = rebuilder;
        this.registry = registry;
        this.properties = properties;
        folds.forEach(fold -> this.folds.put(fold.projection(), fold));
    }

    /** Heartbeats and take-overs start once the app serves (the processors run by then). */
    @EventListener(ApplicationReadyEvent.class)
    void startWatching() {
        watch.scheduleWithFixedDelay(this::heartbeat, 0, properties.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
        watch.scheduleWithFixedDelay(this::takeOverStale, 0, properties.takeoverCheck().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public synchronized RebuildStatus start(String projection) {
        RebuildFold fold = folds.get(projection);
        if (fold == null) {
            throw new BadRequestException("projection", "can rebuild " + folds.keySet() + ", not " + projection);
        }
        if (busy()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "rebuild " + running.id() + " is still running");
        }
        Rebuild rebuild = new Rebuild(projection);
        registry.begin(rebuild);
        submit(rebuild, fold);
        return rebuild.status();
    }

    private boolean busy() {
        return running != null && !running.phase().finished();
    }

    private void submit(Rebuild rebuild, RebuildFold fold) {
        all.put(rebuild.id(), rebuild);
        running = rebuild;
        worker.submit(() -> {
            try {
                rebuilder.run(rebuild, fold);
            } catch (Exception e) {
                log.error("rebuild {} of {} failed", rebuild.id(), rebuild.projection(), e);
                rebuild.finish(Rebuild.Phase.FAILED, e.toString());
            }
            try {
                if (shuttingDown && rebuild.phase() == Rebuild.Phase.CANCELLED) {
                    // not the admin's cancel: this instance stops; another (or this one, restarted) resumes it
                    registry.release(rebuild);
                } else {
                    registry.finish(rebuild, rebuild.status().error());
                }
            } catch (RuntimeException e) {
                log.warn("could not record the end of rebuild {} (another instance may restart it)", rebuild.id(), e);
            }
        });
    }

    private void heartbeat() {
        Rebuild rebuild = running;
        if (rebuild == null || rebuild.phase().finished()) {
            return;
        }
        try {
            if (!registry.heartbeat(rebuild)) {
                log.warn("rebuild {} of {} was taken over by another instance; stopping it here", rebuild.id(),
                        rebuild.projection());
                rebuild.lost();
            }
        } catch (RuntimeException e) {
            log.warn("heartbeat of rebuild {} failed", rebuild.id(), e);
        }
    }

    /** Restarts, here, a rebuild whose instance stopped refreshing its heartbeat. */
    private synchronized void takeOverStale() {
        if (busy()) {
            return;
        }
        try {
            registry.takeOverStale().ifPresent(stale -> {
                RebuildFold fold = folds.get(stale.projection());
                Rebuild rebuild = new Rebuild(stale.id(), stale.projection(), stale.attempt());
                if (fold == null) {
                    rebuild.finish(Rebuild.Phase.FAILED, "this instance cannot rebuild " + stale.projection());
                    registry.finish(rebuild, rebuild.status().error());
                    return;
                }
                log.warn("taking over rebuild {} of {} (attempt {}): its instance stopped; restarting it from the"
                        + " start", stale.id(), stale.projection(), stale.attempt());
                rebuilder.discardAbandoned(fold, stale.abandonedIndex());
                submit(rebuild, fold);
            });
        } catch (RuntimeException e) {
            log.warn("could not look for rebuilds to take over", e);
        }
    }

    public RebuildStatus status(String id) {
        return find(id).status();
    }

    public List<RebuildStatus> list() {
        List<RebuildStatus> statuses = new ArrayList<>();
        all.values().forEach(rebuild -> statuses.add(rebuild.status()));
        statuses.sort((a, b) -> b.startedAt().compareTo(a.startedAt()));
        return statuses;
    }

    public RebuildStatus cancel(String id) {
        Rebuild rebuild = find(id);
        rebuild.requestCancel();
        return rebuild.status();
    }

    private Rebuild find(String id) {
        Rebuild rebuild = all.get(id);
        if (rebuild == null) {
            throw new NotFoundException("no rebuild " + id + " on this instance");
        }
        return rebuild;
    }

    /** A graceful stop hands a running rebuild over: it is cancelled here and restarted by another instance. */
    @PreDestroy
    void stop() {
        shuttingDown = true;
        watch.shutdownNow();
        all.values().forEach(Rebuild::requestCancel);
        worker.shutdown();
    }
}
