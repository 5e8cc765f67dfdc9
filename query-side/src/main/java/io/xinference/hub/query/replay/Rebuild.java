package io.xinference.hub.query.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** One rebuild's live progress, updated by its worker thread and read by the API. */
public class Rebuild {

    public enum Phase {
        /** Folding the store's events into the fresh index while the live projection goes on. */
        BUILDING,
        /** Live processor paused on this instance: last events folded in, alias moved. Readers unaffected. */
        SWAPPING,
        DONE,
        CANCELLED,
        FAILED;

        boolean finished() {
            return this == DONE || this == CANCELLED || this == FAILED;
        }
    }

    private final String id;
    private final String projection;
    private final int attempt;
    private final Instant startedAt = Instant.now();
    private final AtomicLong eventsDone = new AtomicLong();
    private final AtomicLong eventsTotal = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile Phase phase = Phase.BUILDING;
    private volatile String newIndex;
    private volatile List<String> previousIndices = List.of();
    private volatile boolean cancelRequested;
    private volatile boolean lost;
    private volatile Instant finishedAt;
    private volatile String error;

    Rebuild(String projection) {
        this(UUID.randomUUID().toString(), projection, 1);
    }

    /** A rebuild taken over from an instance that stopped (same id, next attempt, from the start). */
    Rebuild(String id, String projection, int attempt) {
        this.id = id;
        this.projection = projection;
        this.attempt = attempt;
    }

    public String id() {
        return id;
    }

    String projection() {
        return projection;
    }

    String newIndex() {
        return newIndex;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    /** Another instance took this rebuild over (this one stalled): stop while building, never swap. */
    void lost() {
        lost = true;
        cancelRequested = true;
    }

    boolean isLost() {
        return lost;
    }

    /** Honoured while building; once the swap has begun it completes (it takes moments). */
    void requestCancel() {
        cancelRequested = true;
    }

    void newIndex(String index) {
        newIndex = index;
    }

    void previousIndices(List<String> indices) {
        previousIndices = List.copyOf(indices);
    }

    void total(long total) {
        eventsTotal.accumulateAndGet(total, Math::max);
    }

    void eventDone() {
        eventsDone.incrementAndGet();
    }

    void eventSkipped() {
        skipped.incrementAndGet();
    }

    void phase(Phase next) {
        phase = next;
    }

    void finish(Phase last, String failure) {
        error = failure;
        finishedAt = Instant.now();
        phase = last;
    }

    Phase phase() {
        return phase;
    }

    public RebuildStatus status() {
        long done = eventsDone.get();
        long total = Math.max(eventsTotal.get(), done);
        Instant until = finishedAt == null ? Instant.now() : finishedAt;
        double seconds = Math.max(0.001, Duration.between(startedAt, until).toMillis() / 1000.0);
        double rate = done / seconds;
        Long eta = phase.finished() ? Long.valueOf(0) : rate > 0 ? Long.valueOf(Math.round((total - done) / rate)) : null;
        return new RebuildStatus(id, projection, phase, newIndex, previousIndices, done, total,
                Math.round(rate * 10) / 10.0, eta, skipped.get(), startedAt, finishedAt, error, attempt);
    }
}
