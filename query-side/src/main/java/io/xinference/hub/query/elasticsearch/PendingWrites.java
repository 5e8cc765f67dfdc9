package io.xinference.hub.query.elasticsearch;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
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
 */
public class PendingWrites<T> {

    private final Map<String, VersionedDocument<T>> documents = new LinkedHashMap<>();

    /**
     * The pending writes of the current batch for {@code key}; without a unit of work (tests, tools) the writes
     * happen immediately.
     */
    public static <T> PendingWrites<T> forCurrentBatch(String key, Consumer<List<VersionedDocument<T>>> flush) {
        if (!CurrentUnitOfWork.isStarted()) {
            return new PendingWrites<>() {
                @Override
                public void put(VersionedDocument<T> document) {
                    flush.accept(List.of(document));
                }
            };
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(PendingWrites.class.getName() + "/" + key, ignored -> {
            PendingWrites<T> writes = new PendingWrites<>();
            root.onPrepareCommit(unitOfWork -> flush.accept(writes.all()));
            return writes;
        });
    }

    public Optional<VersionedDocument<T>> get(String id) {
        return Optional.ofNullable(documents.get(id));
    }

    public void put(VersionedDocument<T> document) {
        documents.put(document.id(), document);
    }

    public List<VersionedDocument<T>> all() {
        return new ArrayList<>(documents.values());
    }
}
