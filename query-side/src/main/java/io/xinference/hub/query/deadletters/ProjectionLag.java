package io.xinference.hub.query.deadletters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.eventhandling.Segment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far each projection is behind the event store, read from the shared token store (so it covers every
 * query-side instance's segments, not only this one's): the event store's head index, the lowest position of the
 * group's segments, how many indices lie between, and how old the oldest event not yet projected is. Shown to
 * admins in {@code GET /api/admin/projections} and published as the gauges {@code hub.projection.lag.events} and
 * {@code hub.projection.lag.seconds} (tag {@code group}) for whatever scrapes the metrics. Each figure is computed
 * at most once a second.
 */
@Component
public class ProjectionLag implements MeterBinder {

    private static final Duration CACHE = Duration.ofSeconds(1);
    private static final int SCAN_LIMIT = 5_000;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;
    private final Map<String, Lag> cached = new ConcurrentHashMap<>();

    @Autowired
    public ProjectionLag(JdbcTemplate jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    ProjectionLag(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param headIndex            the highest global index in the event store (-1 when empty)
     * @param position             the lowest token index of the group's segments (-1 before the first event;
     *                             null when the group has no token yet)
     * @param eventsBehind         events after their segment's position (segments advance independently; past
     *                             the first 5,000 events after the position, every index counts)
     * @param oldestUnprojectedAge how old the oldest of those events is; zero when caught up
     */
    public record Lag(long headIndex, Long position, long eventsBehind, Duration oldestUnprojectedAge,
                      Instant measuredAt) {

        public double seconds() {
            return oldestUnprojectedAge.toMillis() / 1000.0;
        }
    }

    public Lag of(String group) {
        Lag last = cached.get(group);
        Instant now = clock.instant();
        if (last != null && last.measuredAt().plus(CACHE).isAfter(now)) {
            return last;
        }
        Lag lag = measure(group, now);
        cached.put(group, lag);
        return lag;
    }

    private Lag measure(String group, Instant now) {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        long headIndex = head == null ? -1 : head;
        List<SegmentPosition> segments = jdbc.query("SELECT segment, token FROM token_entry WHERE processor_name = ?",
                (row, number) -> new SegmentPosition(row.getInt("segment"), lowestIndex(row.getBytes("token"))), group);
        Long position = segments.stream().map(SegmentPosition::index).min(Long::compare).orElse(null);
        if (position == null || position >= headIndex) {
            return new Lag(headIndex, position, 0, Duration.ZERO, now);
        }
        // A segment's token only moves when that segment processes a batch: the events after a lagging token that
        // belong to other segments are not behind. Count the ones the owning segment has not passed yet.
        int[] ids = segments.stream().mapToInt(SegmentPosition::segmentId).toArray();
        List<UnprojectedCandidate> after = jdbc.query("SELECT global_index, aggregate_identifier, time_stamp"
                        + " FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT " + SCAN_LIMIT,
                (row, number) -> new UnprojectedCandidate(row.getLong(1), row.getString(2), row.getString(3)),
                position);
        long behind = 0;
        String oldest = null;
        for (UnprojectedCandidate event : after) {
            if (segments.stream().anyMatch(segment -> segment.index() < event.globalIndex()
                    && Segment.computeSegment(segment.segmentId(), ids).matches(event.aggregateId()))) {
                behind++;
                oldest = oldest == null ? event.timestamp() : oldest;
            }
        }
        if (after.size() == SCAN_LIMIT) {
            // beyond the scanned window: count every index as behind (an upper bound)
            behind += headIndex - after.get(after.size() - 1).globalIndex();
        }
        Duration age = oldest == null ? Duration.ZERO : ageOf(oldest, now);
        return new Lag(headIndex, position, behind, age, now);
    }

    private record SegmentPosition(int segmentId, long index) {
    }

    private record UnprojectedCandidate(long globalIndex, String aggregateId, String timestamp) {
    }

    private static Duration ageOf(String timestamp, Instant now) {
        try {
            Duration age = Duration.between(Instant.parse(timestamp), now);
            return age.isNegative() ? Duration.ZERO : age;
        } catch (DateTimeParseException e) {
            return Duration.ZERO;
        }
    }

    /** A GapAwareTrackingToken's index, or the lowest inside a replay or merged token; -1 when none yet. */
    long lowestIndex(byte[] token) {
        if (token == null) {
            return -1;
        }
        try {
            Long index = lowestIndex(json.readTree(token));
            return index == null ? -1 : index;
        } catch (IOException e) {
            return -1;
        }
    }

    private static Long lowestIndex(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        if (node.path("index").isNumber()) {
            return node.path("index").asLong();
        }
        Long lowest = null;
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (field.getKey().equals("tokenAtReset")) {
                continue;
            }
            Long inner = lowestIndex(field.getValue());
            if (inner != null) {
                lowest = lowest == null ? inner : Math.min(lowest, inner);
            }
        }
        return lowest;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String group : DeadLetterController.GROUPS) {
            Gauge.builder("hub.projection.lag.events", this, lag -> lag.of(group).eventsBehind())
                    .tag("group", group).description("event store indices not yet projected")
                    .register(registry);
            Gauge.builder("hub.projection.lag.seconds", this, lag -> lag.of(group).seconds())
                    .tag("group", group).description("age of the oldest event not yet projected")
                    .baseUnit("seconds").register(registry);
        }
    }

}
