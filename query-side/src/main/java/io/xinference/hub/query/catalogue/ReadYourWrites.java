package io.xinference.hub.query.catalogue;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Bounded wait for the projection to reach a version a command returned. Polls with real-time GETs (cheap, no
 * refresh needed) and gives up after {@link #MAX_WAIT}: the answer is then marked stale rather than blocking.
 */
@Component
public class ReadYourWrites {

    public static final Duration MAX_WAIT = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 50;

    /** The document once its version reaches {@code minVersion}; the last one seen (and stale) otherwise. */
    public Result await(Supplier<Optional<CatalogueDocument>> lookup, Long minVersion) {
        Optional<CatalogueDocument> document = lookup.get();
        if (minVersion == null) {
            return new Result(document, false);
        }
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        while (!reached(document, minVersion) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            document = lookup.get();
        }
        return new Result(document, !reached(document, minVersion));
    }

    private static boolean reached(Optional<CatalogueDocument> document, long minVersion) {
        return document.map(d -> d.version() >= minVersion).orElse(false);
    }

    public record Result(Optional<CatalogueDocument> document, boolean stale) {
    }
}
