package io.xinference.hub.query.replay;

import io.xinference.hub.query.catalogue.CatalogueProjection;
import io.xinference.hub.query.web.BadRequestException;
import io.xinference.hub.query.web.NotFoundException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The rebuilds this instance ran or runs: at most one at a time (two would fight over the alias), each on a
 * worker thread of its own, cancellable while building. Only the catalogue can be rebuilt so far; the other
 * read models have pure folds too ({@code ReviewQueueApplier}, {@code AuditEntries}) and would follow the same
 * {@link CatalogueRebuilder} pattern.
 */
@Component
public class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    static final List<String> REBUILDABLE = List.of(CatalogueProjection.PROCESSING_GROUP);

    private final CatalogueRebuilder catalogue;
    private final Map<String, Rebuild> all = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Rebuild running;

    public Rebuilds(CatalogueRebuilder catalogue) {
        this.catalogue = catalogue;
    }

    public synchronized RebuildStatus start(String projection) {
        if (!REBUILDABLE.contains(projection)) {
            throw new BadRequestException("projection", "can rebuild " + REBUILDABLE + ", not " + projection);
        }
        if (running != null && !running.phase().finished()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "rebuild " + running.id() + " is still running");
        }
        Rebuild rebuild = new Rebuild(projection);
        all.put(rebuild.id(), rebuild);
        running = rebuild;
        worker.submit(() -> {
            try {
                catalogue.run(rebuild);
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
