package io.xinference.hub.query.deadletters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
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
     * @param eventsBehind         indices between the two (an upper bound: gaps count too)
     * @param oldestUnprojectedAge how old the first event after the position is; zero when caught up
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
        List<byte[]> tokens = jdbc.queryForList("SELECT token FROM token_entry WHERE processor_name = ?",
                byte[].class, group);
        Long position = null;
        for (byte[] token : tokens) {
            long index = lowestIndex(token);
            position = position == null ? index : Math.min(position, index);
        }
        if (position == null || position >= headIndex) {
            return new Lag(headIndex, position, 0, Duration.ZERO, now);
        }
        List<String> oldest = jdbc.queryForList("SELECT time_stamp FROM domain_event_entry WHERE global_index > ?"
                + " ORDER BY global_index LIMIT 1", String.class, position);
        Duration age = oldest.isEmpty() ? Duration.ZERO : ageOf(oldest.get(0), now);
        return new Lag(headIndex, position, headIndex - position, age, now);
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
