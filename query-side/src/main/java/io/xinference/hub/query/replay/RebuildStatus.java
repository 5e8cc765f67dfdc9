package io.xinference.hub.query.replay;

import java.time.Instant;
import java.util.List;

/**
 * A rebuild as the API shows it. {@code eventsTotal} is the store's head position when the rebuild started (the
 * global index is dense, so it counts the events), raised when the final catch-up finds newer ones;
 * {@code etaSeconds} is null until a rate is known. {@code attempt} counts restarts from the start: a rebuild whose
 * instance stopped (killed, crashed) is restarted under the same id by another or the restarted instance.
 */
public record RebuildStatus(String id, String projection, Rebuild.Phase phase, String newIndex,
                            List<String> previousIndices, long eventsDone, long eventsTotal, double eventsPerSecond,
                            Long etaSeconds, long skippedEvents, Instant startedAt, Instant finishedAt,
                            String error, int attempt) {
}
