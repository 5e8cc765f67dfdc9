package io.xinference.hub.query.elasticsearch;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The documents one event batch changed, written in one bulk request when the batch commits. Handlers read
 * through it first, so the second event for a model in the same batch builds on the first one's result.
 * Writing happens in the unit of work's prepare-commit phase: if Elasticsearch fails, the batch (and its token
 * advance) rolls back and the processor retries it — re-applying is harmless because writes are versioned.
 * Each document remembers the event that last changed it ({@link #SOURCES}, a resource of the batch), so a
 * document Elasticsearch refuses as invalid can be dead-lettered as that event ({@link ProjectionWriter}).
 */
public class PendingWrites<T> {

    /** Resource of the batch's unit of work: {@code index/id} of each pending document → where it came from. */
    static final String SOURCES = PendingWrites.class.getName() + "/sources";

    /** The processing group and the event that produced a pending document. */
    public record Source(String group, EventMessage<?> event) {
    }

    private final Map<String, VersionedDocument<T>> documents = new LinkedHashMap<>();
    private final String group;

    private PendingWrites(String group) {
        this.group = group;
    }

    /**
     * The pending writes of the current batch for {@code key} (the processing group, whose dead-letter queue takes
     * events whose documents Elasticsearch refuses); without a unit of work (tests, tools) the writes
     * happen immediately.
     */
    public static <T> PendingWrites<T> forCurrentBatch(String key, Consumer<List<VersionedDocument<T>>> flush) {
        if (!CurrentUnitOfWork.isStarted()) {
            return new PendingWrites<>(key) {
                @Override
                public void put(VersionedDocument<T> document) {
                    flush.accept(List.of(document));
                }
            };
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(PendingWrites.class.getName() + "/" + key, ignored -> {
            PendingWrites<T> writes = new PendingWrites<>(key);
            root.onPrepareCommit(unitOfWork -> flush.accept(writes.all()));
            return writes;
        });
    }

    public Optional<VersionedDocument<T>> get(String id) {
        return Optional.ofNullable(documents.get(id));
    }

    public void put(VersionedDocument<T> document) {
        documents.put(document.id(), document);
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().getMessage() instanceof EventMessage<?> event) {
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            root.<Map<String, Source>>getOrComputeResource(SOURCES, ignored -> new HashMap<>())
                    .put(key(document), new Source(group, event));
        }
    }

    static String key(VersionedDocument<?> document) {
        return document.index() + "/" + document.id();
    }

    public List<VersionedDocument<T>> all() {
        return new ArrayList<>(documents.values());
    }
}
