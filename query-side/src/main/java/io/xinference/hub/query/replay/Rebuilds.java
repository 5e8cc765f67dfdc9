package io.xinference.hub.query.replay;

import io.xinference.hub.query.web.BadRequestException;
import io.xinference.hub.query.web.NotFoundException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

/**
 * The rebuilds this instance ran or runs: at most one at a time (each pauses a live processor for its swap,
 * and admins read one progress), on a worker thread, cancellable while building. Every read model with a
 * {@link RebuildFold} can be rebuilt: catalogue, review-queue, audit-trail.
 */
@Component
public class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    private final ProjectionRebuilder rebuilder;
    private final Map<String, RebuildFold> folds = new LinkedHashMap<>();
    private final Map<String, Rebuild> all = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Rebuild running;

    public Rebuilds(ProjectionRebuilder rebuilder, List<RebuildFold> folds) {
        this.rebuilder = rebuilder;
        folds.forEach(fold -> this.folds.put(fold.projection(), fold));
    }

    public synchronized RebuildStatus start(String projection) {
        RebuildFold fold = folds.get(projection);
        if (fold == null) {
            throw new BadRequestException("projection", "can rebuild " + folds.keySet() + ", not " + projection);
        }
        if (running != null && !running.phase().finished()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "rebuild " + running.id() + " is still running");
        }
        Rebuild rebuild = new Rebuild(projection);
        all.put(rebuild.id(), rebuild);
        running = rebuild;
        worker.submit(() -> {
            try {
                rebuilder.run(rebuild, fold);
            } catch (Exception e) {
                log.error("rebuild {} of {} failed", rebuild.id(), projection, e);
                rebuild.finish(Rebuild.Phase.FAILED, e.toString());
            }
        });
        return rebuild.status();
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
            throw new NotFoundException("no rebuild " + id);
        }
        return rebuild;
    }

    @PreDestroy
    void stop() {
        all.values().forEach(Rebuild::requestCancel);
        worker.shutdown();
    }
}
