package io.xinference.hub.query.replay;

import io.xinference.hub.query.elasticsearch.DocumentReader;
import io.xinference.hub.query.elasticsearch.ProjectionWriter;
import io.xinference.hub.query.elasticsearch.VersionedDocument;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

/**
 * One partition of a parallel rebuild. It receives its aggregates' events in store order and folds them a batch
 * at a time: the documents the batch will read are fetched in one multi-get (unless written recently by this
 * worker), the events are folded in order, and the changed documents go out in bulk. A failure (Elasticsearch
 * refusing a write) is kept and reported to whoever hands over the next event or waits for a flush; the worker
 * keeps draining its inbox so nobody blocks on it.
 */
final class FoldWorker implements Runnable, RebuildFold.Documents {

    private static final Logger log = LoggerFactory.getLogger(FoldWorker.class);
    private static final Object STOP = new Object();

    private final String index;
    private final Rebuild rebuild;
    private final RebuildFold fold;
    private final DocumentReader reader;
    private final ProjectionWriter writer;
    private final int batchSize;
    private final BlockingQueue<Object> inbox;
    private final RecentDocuments recent;
    private final List<TrackedEventMessage<?>> batch = new ArrayList<>();
    private final Map<String, VersionedDocument<Object>> writes = new LinkedHashMap<>();
    private final Map<String, Object> fetched = new HashMap<>();
    private final Set<String> missing = new HashSet<>();
    private volatile RuntimeException failure;

    FoldWorker(String index, Rebuild rebuild, RebuildFold fold, DocumentReader reader, ProjectionWriter writer,
               int batchSize, int recentDocuments) {
        this.index = index;
        this.rebuild = rebuild;
        this.fold = fold;
        this.reader = reader;
        this.writer = writer;
        this.batchSize = batchSize;
        // room for two batches: the reader runs ahead while this worker writes
        this.inbox = new ArrayBlockingQueue<>(2 * batchSize);
        this.recent = new RecentDocuments(recentDocuments);
    }

    void submit(TrackedEventMessage<?> message) throws InterruptedException {
        throwIfFailed();
        inbox.put(message);
    }

    /** Completes once everything submitted before is folded and written. */
    CompletableFuture<Void> flush() throws InterruptedException {
        CompletableFuture<Void> flushed = new CompletableFuture<>();
        inbox.put(flushed);
        return flushed;
    }

    /** Ends the worker without folding what is still queued (after a flush, nothing is). */
    void stop() {
        inbox.clear();
        inbox.offer(STOP);
    }

    @Override
    public void run() {
        try {
            while (true) {
                Object item = inbox.take();
                if (item == STOP) {
                    return;
                }
                if (item instanceof CompletableFuture<?> flushed) {
                    complete(flushed);
                } else if (failure == null) {
                    batch.add((TrackedEventMessage<?>) item);
                    if (batch.size() >= batchSize) {
                        foldBatch();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void complete(CompletableFuture<?> flushed) {
        if (failure == null) {
            foldBatch();
        }
        if (failure == null) {
            flushed.complete(null);
        } else {
            flushed.completeExceptionally(failure);
        }
    }

    private void foldBatch() {
        try {
            prefetch();
            for (TrackedEventMessage<?> message : batch) {
                try {
                    fold.apply(message, this);
                } catch (IllegalStateException e) {
                    // the live projection dead-letters such an event; a rebuild records it and goes on
                    rebuild.eventSkipped();
                    log.warn("rebuild skipped event {}: {}", message.getIdentifier(), e.getMessage());
                }
                rebuild.eventDone();
            }
            Map<String, String> refused = writer.writeKeepingRefusals(writes.values());
            refused.forEach((id, reason) -> {
                // the live projection dead-lettered the event behind this document; a rebuild records it and goes on
                rebuild.eventSkipped();
                log.warn("rebuild skipped document {}: {}", id, reason);
            });
            writes.forEach((id, document) -> {
                if (!refused.containsKey(document.id())) {
                    recent.put(id, document.body());
                }
            });
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            batch.clear();
            writes.clear();
            fetched.clear();
            missing.clear();
        }
    }

    /** One multi-get per document class for the documents this batch reads that this worker did not write. */
    private void prefetch() {
        Map<Class<?>, Set<String>> wanted = new HashMap<>();
        for (TrackedEventMessage<?> message : batch) {
            fold.documentToRead(message).filter(read -> !recent.contains(read.id()))
                    .ifPresent(read -> wanted.computeIfAbsent(read.type(), type -> new LinkedHashSet<>())
                            .add(read.id()));
        }
        wanted.forEach((type, ids) -> {
            Map<String, ?> found = reader.findAll(index, ids, type);
            fetched.putAll(found);
            ids.stream().filter(id -> !found.containsKey(id)).forEach(missing::add);
        });
    }

    @Override
    public <T> Optional<T> get(String id, Class<T> type) {
        VersionedDocument<Object> written = writes.get(id);
        if (written != null) {
            return Optional.of(type.cast(written.body()));
        }
        Object known = recent.contains(id) ? recent.get(id) : fetched.get(id);
        if (known != null) {
            return Optional.of(type.cast(known));
        }
        return missing.contains(id) ? Optional.empty() : reader.find(index, id, type);
    }

    @Override
    public void put(String id, long version, Object document) {
        writes.put(id, new VersionedDocument<>(index, id, version, document));
    }

    private void throwIfFailed() {
        if (failure != null) {
            throw failure;
        }
    }
}
