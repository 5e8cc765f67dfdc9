package io.xinference.hub.devstack.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database's own limit for what a command stores: the same event rows the commands wrote, inserted one per
 * transaction (insert + commit, as a command commits) by the same number of clients, into a copy of
 * domain_event_entry (same columns, indexes, constraints and a sequence) in the same PostgreSQL database. A copy,
 * so the projections do not pick these rows up.
 */
final class RawEventInserts {

    static final String TABLE = "bench_raw_event_entry";
    private final String jdbcUrl;

    RawEventInserts(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "hub", "hub");
    }

    /** Up to {@code limit} event rows of the given models, as the command side stored them. */
    List<StoredEvent> eventsOf(List<String> modelIds, int limit) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (Connection connection = connect(); PreparedStatement select = connection.prepareStatement(
                "SELECT sequence_number, meta_data, payload, payload_revision, payload_type, time_stamp, type"
                        + " FROM domain_event_entry WHERE aggregate_identifier = ANY (?) ORDER BY global_index LIMIT ?")) {
            select.setArray(1, connection.createArrayOf("varchar", modelIds.toArray()));
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new StoredEvent(rows.getLong(1), rows.getBytes(2), rows.getBytes(3), rows.getString(4),
                            rows.getString(5), rows.getString(6), rows.getString(7)));
                }
            }
        }
        return events;
    }

    LoadResult run(List<StoredEvent> events, int clients, int seconds) throws Exception {
        try (Connection connection = connect(); Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS " + TABLE);
            ddl.execute("CREATE TABLE " + TABLE + " (LIKE domain_event_entry INCLUDING ALL)");
            ddl.execute("CREATE SEQUENCE IF NOT EXISTS " + TABLE + "_seq");
        }
        Latencies latencies = new Latencies();
        AtomicLong done = new AtomicLong();
        AtomicLong next = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            workers.add(pool.submit(() -> {
                insertUntil(deadline, events, next, latencies, done);
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return new LoadResult(done.get(), 0, elapsed, latencies);
    }

    private void insertUntil(long deadline, List<StoredEvent> events, AtomicLong next, Latencies latencies,
                             AtomicLong done) throws SQLException {
        try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + TABLE + " (global_index, sequence_number, meta_data, payload, aggregate_identifier,"
                        + " event_identifier, payload_revision, payload_type, time_stamp, type)"
                        + " VALUES (nextval('" + TABLE + "_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            while (System.nanoTime() < deadline) {
                StoredEvent event = events.get((int) (next.getAndIncrement() % events.size()));
                long began = System.nanoTime();
                insert.setLong(1, event.sequenceNumber());
                insert.setBytes(2, event.metaData());
                insert.setBytes(3, event.payload());
                insert.setString(4, UUID.randomUUID().toString());
                insert.setString(5, UUID.randomUUID().toString());
                insert.setString(6, event.payloadRevision());
                insert.setString(7, event.payloadType());
                insert.setString(8, event.timeStamp());
                insert.setString(9, event.type());
                insert.executeUpdate();
                connection.commit();
                latencies.record(System.nanoTime() - began);
                done.incrementAndGet();
            }
        }
    }

    /**
     * Sets every tracking processor's token (both apps', the apps stopped) to the store's last event and releases
     * its claim. @return the tokens moved
     */
    int moveProcessorTokensToHead() throws SQLException {
        try (Connection connection = connect(); Statement update = connection.createStatement()) {
            return update.executeUpdate("""
                    UPDATE token_entry
                    SET token = convert_to('{"index":' || (SELECT max(global_index) FROM domain_event_entry)
                                           || ',"gaps":[]}', 'UTF8'),
                        token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken',
                        owner = NULL""");
        }
    }

    void dropTable() throws SQLException {
        try (Connection connection = connect(); Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS " + TABLE);
        }
    }
}
