package io.xinference.hub.faults.services;

import io.xinference.hub.faults.apps.HubApp;
import io.xinference.hub.faults.apps.HubAppProcess;
import io.xinference.hub.faults.apps.HubStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transaction that takes its global index, then commits long after events above it were committed and read
 * (AxonFramework #4829: the JPA event store gives a gap up when the event read above it looks older than the
 * gap timeout; an event committed into it later is skipped for ever, silently).
 * <p>
 * The test holds a real JDBC transaction open on the event store with a registration event in it (a copy of a
 * real one, for a new model), lets three registrations commit above it through the API, and has a query-side
 * read them only when they are older than the gap timeout (it starts after that: a query-side instance that was
 * down, or lagging behind for any reason). Then it commits the held transaction.
 * <ol>
 *   <li>With a gap timeout shorter than that (20 s here, the mechanism of Axon's default 60 s) the held event is
 *       never projected although it is in the store: the failure, reproduced.</li>
 *   <li>With the hub's setting (10 min, {@code EventStoreGapSettings}) and the transaction held for well over
 *       Axon's default of 60 s, the held event is projected as soon as it commits.</li>
 * </ol>
 */
class LateCommitIT {

    private static final Duration SHORT_GAP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration AXON_DEFAULT_GAP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(45);

    private static HubStack stack;
    private static HubAppProcess command;
    private final HubHttp http = new HubHttp();

    @BeforeAll
    static void startHub() {
        stack = HubStack.create("late_commit");
        command = stack.start(HubApp.COMMAND_SIDE, "command");
    }

    @AfterAll
    static void stopHub() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anEventCommittedAfterTheGapTimeoutIsSkippedWithAShortTimeoutAndProjectedWithTheHubsSetting()
            throws Exception {
        String template = register("late-template").modelId();

        // 1. reproduce: a gap timeout shorter than the time the reader takes to see the events above the hole
        Held first = holdRegistration(template, "late-skipped");
        List<String> above = registerThree("late-above-1");
        Instant aboveAt = Instant.now();
        sleepUntil(aboveAt.plus(SHORT_GAP_TIMEOUT).plusSeconds(5));
        HubAppProcess shortTimeout = stack.with("HUB_EVENT_GAP_TIMEOUT", SHORT_GAP_TIMEOUT.toSeconds() + "s")
                .start(HubApp.QUERY_SIDE, "query-short-gap-timeout");
        Projections projections = new Projections(http, shortTimeout.baseUrl(), stack.indexPrefix());
        awaitProjected(projections, above);
        Instant firstCommitted = first.commit();
        boolean skippedProjected = awaitProjected(projections, List.of(first.modelId()), PROJECTION_WAIT);
        boolean skippedStored = inStore(first.modelId());
        shortTimeout.stop();

        // 2. the hub's setting: the same, with the transaction held for longer than Axon's default gap timeout
        Held second = holdRegistration(template, "late-projected");
        List<String> aboveAgain = registerThree("late-above-2");
        Instant aboveAgainAt = Instant.now();
        sleepUntil(aboveAgainAt.plus(AXON_DEFAULT_GAP_TIMEOUT).plusSeconds(5));
        HubAppProcess hubSetting = stack.with("HUB_EVENT_GAP_TIMEOUT", "").start(HubApp.QUERY_SIDE, "query");
        projections = new Projections(http, hubSetting.baseUrl(), stack.indexPrefix());
        awaitProjected(projections, aboveAgain);
        Instant secondCommitted = second.commit();
        Instant projectedAt = awaitProjected(projections, List.of(second.modelId()), PROJECTION_WAIT)
                ? Instant.now() : null;

        System.out.printf("%n[LateCommitIT] gap timeout %d s: event at global index %d held open %d s, committed"
                        + " %d s after the events above it; after its commit it was projected: %s"
                        + " (in the store: %s)%n[LateCommitIT] gap timeout 10 min (the hub's): event at global"
                        + " index %d held open %d s (Axon's default gap timeout: %d s), committed %d s"
                        + " after the events above it; projected %s after its commit%n%n",
                SHORT_GAP_TIMEOUT.toSeconds(), first.globalIndex(),
                Duration.between(first.insertedAt(), firstCommitted).toSeconds(),
                Duration.between(aboveAt, firstCommitted).toSeconds(), skippedProjected, skippedStored,
                second.globalIndex(), Duration.between(second.insertedAt(), secondCommitted).toSeconds(),
                AXON_DEFAULT_GAP_TIMEOUT.toSeconds(), Duration.between(aboveAgainAt, secondCommitted).toSeconds(),
                projectedAt == null ? "NEVER" : Duration.between(secondCommitted, projectedAt).toMillis() + " ms");

        assertThat(skippedStored).as("the late event is in the event store").isTrue();
        assertThat(skippedProjected).as("with a gap timeout shorter than the commit delay the event is skipped"
                + " (the failure this test guards against is real)").isFalse();
        assertThat(Duration.between(second.insertedAt(), secondCommitted)).isGreaterThan(AXON_DEFAULT_GAP_TIMEOUT);
        assertThat(projectedAt).as("the event committed " + Duration.between(second.insertedAt(), secondCommitted)
                .toSeconds() + " s late is projected with the hub's gap timeout").isNotNull();
    }

    private record Registered(String modelId) {
    }

    private Registered register(String name) {
        HubHttp.Answer answer = http.register(command.baseUrl(), stack.tokens().accessToken("alice"),
                name + "-" + UUID.randomUUID().toString().substring(0, 8), null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return new Registered(answer.body().path("modelId").asText());
    }

    private List<String> registerThree(String prefix) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(register(prefix + "-" + i).modelId());
        }
        return ids;
    }

    /**
     * An open transaction holding a registration event for a new model, as a slow command-side would. It runs a
     * statement every 10 s: the event store's database ends sessions idle in a transaction for 30 s (set by the
     * schema migration), so only a transaction that keeps working can commit this late.
     */
    private record Held(Connection connection, String modelId, long globalIndex, Instant insertedAt,
                        ScheduledExecutorService busy) {

        static Held of(Connection connection, String modelId, long globalIndex, Instant insertedAt) {
            ScheduledExecutorService busy = Executors.newSingleThreadScheduledExecutor();
            busy.scheduleWithFixedDelay(() -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT 1");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, 10, 10, TimeUnit.SECONDS);
            return new Held(connection, modelId, globalIndex, insertedAt, busy);
        }

        Instant commit() throws SQLException, InterruptedException {
            busy.shutdown();
            busy.awaitTermination(30, TimeUnit.SECONDS);
            connection.commit();
            connection.close();
            return Instant.now();
        }
    }

    private Held holdRegistration(String templateId, String name) throws SQLException {
        Connection connection = stack.openConnection();
        connection.setAutoCommit(false);
        String modelId = UUID.randomUUID().toString();
        String modelName = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        String templateName;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT convert_from(payload, 'UTF8')::jsonb ->> 'modelName' FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND sequence_number = 0")) {
            statement.setString(1, templateId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                templateName = rows.getString(1);
            }
        }
        Instant now = Instant.now();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO domain_event_entry (global_index, event_identifier, meta_data, payload,"
                        + " payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, type)"
                        + " SELECT nextval('domain_event_entry_seq'), ?, meta_data,"
                        + " convert_to(replace(replace(convert_from(payload, 'UTF8'), ?, ?), ?, ?), 'UTF8'),"
                        + " payload_revision, payload_type, ?, ?, 0, type FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND sequence_number = 0 RETURNING global_index")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, templateId);
            insert.setString(3, modelId);
            insert.setString(4, templateName);
            insert.setString(5, modelName);
            insert.setString(6, now.toString());
            insert.setString(7, modelId);
            insert.setString(8, templateId);
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return Held.of(connection, modelId, rows.getLong(1), now);
            }
        }
    }

    private boolean inStore(String modelId) throws SQLException {
        try (Connection db = stack.openConnection(); PreparedStatement statement = db.prepareStatement(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            statement.setString(1, modelId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1) == 1;
            }
        }
    }

    private static void awaitProjected(Projections projections, List<String> modelIds) {
        assertThat(awaitProjected(projections, modelIds, Duration.ofMinutes(2))).as("projected: " + modelIds)
                .isTrue();
    }

    private static boolean awaitProjected(Projections projections, List<String> modelIds, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (projections.catalogueVersions().keySet().containsAll(modelIds)) {
                return true;
            }
            Projections.sleep(Duration.ofMillis(500));
        }
        return false;
    }

    private static void sleepUntil(Instant at) {
        Duration left = Duration.between(Instant.now(), at);
        if (!left.isNegative()) {
            Projections.sleep(left);
        }
    }
}
