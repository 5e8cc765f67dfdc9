package io.xinference.hub.query.replay;

import io.xinference.hub.query.elasticsearch.DocumentReader;
import io.xinference.hub.query.elasticsearch.ProjectionWriter;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The fold of a rebuild, spread over several {@link FoldWorker}s: one thread reads the store in order and hands
 * each event to the worker of its aggregate, so every document is folded from its own events in order by one
 * worker while the workers' reads, folds and bulk writes overlap. A single thread spent most of its time
 * waiting for Elasticsearch, one request after another.
 */
final class ParallelFolding implements AutoCloseable {

    private final Rebuild rebuild;
    private final List<FoldWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private long position;

    ParallelFolding(String index, Rebuild rebuild, RebuildFold fold, DocumentReader reader, ProjectionWriter writer,
                    RebuildSettings settings) {
        this.rebuild = rebuild;
        for (int i = 0; i < settings.threads(); i++) {
            FoldWorker worker = new FoldWorker(index, rebuild, fold, reader, writer, settings.batchSize(),
                    settings.recentDocuments());
            Thread thread = new Thread(worker, "projection-rebuild-fold-" + i);
            thread.setDaemon(true);
            thread.start();
            workers.add(worker);
            threads.add(thread);
        }
    }

    /** Folds up to {@code target} and waits until it is written; false when cancelled first. */
    boolean until(BlockingStream<TrackedEventMessage<?>> stream, long target) throws InterruptedException {
        return read(stream, target, true) && drain(true);
    }

    void untilIgnoringCancel(BlockingStream<TrackedEventMessage<?>> stream, long target)
            throws InterruptedException {
        read(stream, target, false);
        drain(false);
    }

    private boolean read(BlockingStream<TrackedEventMessage<?>> stream, long target, boolean cancellable)
            throws InterruptedException {
        while (position < target) {
            if (cancellable && rebuild.cancelRequested()) {
                return false;
            }
            if (!stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)) {
                continue;
            }
            TrackedEventMessage<?> message = stream.nextAvailable();
            position = message.trackingToken() == null ? position : message.trackingToken().position().orElse(0);
            workerOf(message).submit(message);
        }
        return true;
    }

    private FoldWorker workerOf(TrackedEventMessage<?> message) {
        String key = message instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null
                ? domain.getAggregateIdentifier() : message.getIdentifier();
        return workers.get(Math.floorMod(key.hashCode(), workers.size()));
    }

    /** Waits until every worker has written what it was given; false when cancelled meanwhile. */
    private boolean drain(boolean cancellable) throws InterruptedException {
        List<CompletableFuture<Void>> flushed = new ArrayList<>();
        for (FoldWorker worker : workers) {
            flushed.add(worker.flush());
        }
        for (CompletableFuture<Void> done : flushed) {
            while (true) {
                if (cancellable && rebuild.cancelRequested()) {
                    return false;
                }
                try {
                    done.get(200, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException e) {
                    // still writing: look at the cancel flag again
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException("a rebuild worker failed", e.getCause());
                }
            }
        }
        return true;
    }

    /** Stops the workers and waits for them, so no bulk write of theirs reaches an index deleted afterwards. */
    @Override
    public void close() throws InterruptedException {
        workers.forEach(FoldWorker::stop);
        for (Thread thread : threads) {
            thread.join(TimeUnit.MINUTES.toMillis(1));
        }
    }
}
