package io.xinference.hub.command.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What operators see of the outbox (README, "Production"): per feature, the rows pending and due now
 * ({@code hub.outbox.pending}, {@code hub.outbox.due}: {@link OutboxBacklog}, read when scraped and kept for a few
 * seconds) and how each attempt ended ({@code hub.outbox.deliveries}, tags {@code feature} and {@code outcome}),
 * recorded by each feature where it writes the outcome.
 */
public class OutboxMetrics {

    private static final Duration BACKLOG_CACHE = Duration.ofSeconds(5);

    /** How one row's attempt ended. */
    public enum Outcome {
        /** sent, delivered or published */
        DONE,
        /** nothing to do (the recipient turned it off, no address, no token) */
        SKIPPED,
        /** failed, due again later */
        RETRY,
        /** failed for good (permanent failure or attempts used up) */
        FAILED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final OutboxBacklog backlog;
    private final Clock clock;
    private final AtomicReference<Measured> last = new AtomicReference<>();

    public OutboxMetrics(MeterRegistry registry, OutboxBacklog backlog, Clock clock) {
        this.registry = registry;
        this.backlog = backlog;
        this.clock = clock;
        for (String feature : List.of(OutboxBacklog.MAIL, OutboxBacklog.WEBHOOK, OutboxBacklog.REPOSITORY_SYNC)) {
            Gauge.builder("hub.outbox.pending", this, metrics -> metrics.counts(feature).pending())
                    .tag("feature", feature).description("outbox rows not done yet, also those waiting for a retry")
                    .register(registry);
            Gauge.builder("hub.outbox.due", this, metrics -> metrics.counts(feature).due())
                    .tag("feature", feature).description("outbox rows due now and not claimed by a live run")
                    .register(registry);
        }
    }

    /** For features built outside the application (tests): counts into a registry nobody reads. */
    public static OutboxMetrics unread() {
        return new OutboxMetrics(new SimpleMeterRegistry(), null, Clock.systemUTC());
    }

    public void attempted(String feature, Outcome outcome) {
        Counter.builder("hub.outbox.deliveries").tag("feature", feature).tag("outcome", outcome.tag())
                .description("outbox rows attempted, by how the attempt ended").register(registry).increment();
    }

    private OutboxBacklog.Counts counts(String feature) {
        Instant now = clock.instant();
        Measured measured = last.get();
        if (measured == null || !measured.at().plus(BACKLOG_CACHE).isAfter(now)) {
            measured = new Measured(backlog == null ? Map.of() : backlog.at(now), now);
            last.set(measured);
        }
        return measured.counts().getOrDefault(feature, new OutboxBacklog.Counts(0, 0));
    }

    private record Measured(Map<String, OutboxBacklog.Counts> counts, Instant at) {
    }
}
