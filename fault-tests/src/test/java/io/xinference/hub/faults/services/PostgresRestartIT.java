package io.xinference.hub.faults.services;

import io.xinference.hub.devstack.TestServiceControl;
import io.xinference.hub.devstack.TestServiceControl.Service;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL (the event store and every other table) goes down for 15 s under a registration load, then comes
 * back on the same port with the same data. While it is down, every command is answered fast with 503, an RFC
 * 9457 problem saying the store is unavailable and Retry-After, never a 500 or a hang; afterwards commands
 * succeed again without restarting anything. No registration is half-applied: a model's name claim, its
 * idempotency receipt and its event are there together or not at all, every 201 has all three, and a retry of a
 * refused registration with its Idempotency-Key succeeds. PostgreSQL is started again even when the test fails.
 */
class PostgresRestartIT {

    private static final Duration DOWN_FOR = Duration.ofSeconds(15);
    /** Hikari's connection timeout is 5 s; the rest is this loaded machine. */
    private static final Duration FAST = Duration.ofSeconds(10);
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);

    private static final TestServiceControl SERVICES = TestServiceControl.forTestServices();
    private static HubStack stack;
    private static HubAppProcess command;
    private final HubHttp http = new HubHttp();

    @BeforeAll
    static void startHub() {
        stack = HubStack.create("pg_restart");
        command = stack.start(HubApp.COMMAND_SIDE, "command");
    }

    @AfterAll
    static void stopHub() {
        try {
            SERVICES.start(Service.POSTGRES);
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    private enum Stored { NOTHING, EVERYTHING, PARTIAL }

    @Test
    void commandsFailFastWith503WhilePostgresIsDownAndRecoverWithoutAnyHalfAppliedRegistration() throws Exception {
        WriteLoad load = new WriteLoad(http, command.baseUrl(), () -> stack.tokens().accessToken("bob"),
                "pg-restart", 3, 0, Duration.ofMillis(100)).start();
        Instant down;
        Instant up;
        try {
            Projections.sleep(Duration.ofSeconds(8));
            SERVICES.stop(Service.POSTGRES);
            down = Instant.now();
            Projections.sleep(DOWN_FOR);
            SERVICES.start(Service.POSTGRES);
            up = Instant.now();
            Projections.sleep(Duration.ofSeconds(20));
        } finally {
            load.stop();
        }
        List<WriteLoad.Sent> sent = load.sent();
        List<WriteLoad.Sent> created = sent.stream().filter(s -> s.answer().status() == 201).toList();
        List<WriteLoad.Sent> unavailable = sent.stream().filter(s -> s.answer().status() == 503).toList();
        List<WriteLoad.Sent> other = sent.stream().filter(s -> s.answer().status() != 201 && s.answer().status() != 503)
                .toList();
        Instant upAt = up;
        Instant firstSuccessAfter = created.stream().map(WriteLoad.Sent::sentAt).filter(at -> !at.isBefore(upAt))
                .min(Instant::compareTo).orElse(null);
        long slowest503 = unavailable.stream().mapToLong(s -> s.answer().millis()).max().orElse(0);

        // what the store holds for every registration: all of it or nothing
        int committedDespite503 = 0;
        List<String> partial = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        try (Connection db = stack.openConnection()) {
            for (WriteLoad.Sent call : created) {
                if (stored(db, call.modelName()) != Stored.EVERYTHING) {
                    lost.add(call.modelName());
                }
            }
            for (WriteLoad.Sent call : unavailable) {
                Stored stored = stored(db, call.modelName());
                if (stored == Stored.PARTIAL) {
                    partial.add(call.modelName());
                } else if (stored == Stored.EVERYTHING) {
                    committedDespite503++;
                }
            }
            assertThat(orphans(db)).as("name claims without a registration event, or the reverse").isEmpty();
        }

        // a client retries what was refused, with the same Idempotency-Key: each ends registered exactly once
        int retried = 0;
        for (WriteLoad.Sent call : unavailable) {
            HubHttp.Answer again = http.register(command.baseUrl(), stack.tokens().accessToken("bob"),
                    call.modelName(), call.idempotencyKey());
            assertThat(again.status()).as("retry of " + call.modelName() + ": " + again).isEqualTo(201);
            retried++;
        }
        try (Connection db = stack.openConnection()) {
            for (WriteLoad.Sent call : unavailable) {
                assertThat(stored(db, call.modelName())).as(call.modelName())
                        .isEqualTo(Stored.EVERYTHING);
            }
            assertThat(orphans(db)).isEmpty();
        }

        System.out.printf("%n[PostgresRestartIT] registrations sent %d: %d created, %d refused with 503 (slowest"
                        + " answer %d ms), %d other; PostgreSQL down %d s; first success %s after it was back;"
                        + " lost %d, half-applied %d, committed although answered 503 %d; %d refused ones retried"
                        + " with their Idempotency-Key, all stored once%n%n",
                sent.size(), created.size(), unavailable.size(), slowest503, other.size(),
                Duration.between(down, up).toSeconds(),
                firstSuccessAfter == null ? "never" : Duration.between(up, firstSuccessAfter).toMillis() + " ms",
                lost.size(), partial.size(), committedDespite503, retried);

        assertThat(other).as("answers other than 201 and 503 (500s, hangs)").isEmpty();
        assertThat(unavailable).as("commands refused while PostgreSQL was down").isNotEmpty();
        for (WriteLoad.Sent call : unavailable) {
            HubHttp.Answer answer = call.answer();
            assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
            assertThat(answer.body().path("type").asText()).isEqualTo("urn:models-hub:problem:store-unavailable");
            assertThat(answer.body().path("status").asInt()).isEqualTo(503);
            assertThat(answer.header("Retry-After")).as("Retry-After of " + answer).matches("\\d+");
            assertThat(Duration.ofMillis(answer.millis())).as("answered fast: " + answer).isLessThan(FAST);
        }
        assertThat(firstSuccessAfter).as("a command succeeded after PostgreSQL was back").isNotNull();
        assertThat(Duration.between(up, firstSuccessAfter)).isLessThan(RECOVERY_LIMIT);
        List<WriteLoad.Sent> last = sent.subList(Math.max(0, sent.size() - 5), sent.size());
        assertThat(last).as("the last commands, long after the restart").allSatisfy(
                call -> assertThat(call.answer().status()).isEqualTo(201));
        assertThat(lost).as("acknowledged registrations missing from the store").isEmpty();
        assertThat(partial).as("half-applied registrations").isEmpty();
    }

    /**
     * The name claim, the idempotency receipt and the registration event of one registration, all in the event store:
     * the name's aggregate ({@code ModelNameClaimed}), the key's aggregate ({@code RegistrationKeyUsed}, found by the
     * model name it answered, since its identifier is a hash of caller and key) and the model's first event.
     */
    private static Stored stored(Connection db, String name) throws SQLException {
        String claimed = single(db, "SELECT " + PAYLOAD + " ->> 'modelId' FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? AND payload_type LIKE '%ModelNameClaimed'"
                + " ORDER BY sequence_number DESC LIMIT 1", "model-name:" + name.toLowerCase());
        String receipt = single(db, "SELECT " + PAYLOAD + " ->> 'modelId' FROM domain_event_entry"
                + " WHERE payload_type LIKE '%RegistrationKeyUsed' AND " + PAYLOAD + " ->> 'modelName' = ?", name);
        String modelId = claimed != null ? claimed : receipt;
        String event = modelId == null ? null : single(db, "SELECT aggregate_identifier FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? AND sequence_number = 0", modelId);
        if (claimed == null && receipt == null && event == null) {
            return Stored.NOTHING;
        }
        boolean complete = claimed != null && receipt != null && event != null && claimed.equals(receipt);
        return complete ? Stored.EVERYTHING : Stored.PARTIAL;
    }

    private static final String PAYLOAD = "convert_from(payload, 'UTF8')::jsonb";

    private static Set<String> orphans(Connection db) throws SQLException {
        Set<String> orphans = new HashSet<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(
                "WITH claims AS (SELECT " + PAYLOAD + " ->> 'modelId' AS model_id FROM domain_event_entry"
                        + " WHERE payload_type LIKE '%ModelNameClaimed')"
                        + " SELECT c.model_id FROM claims c WHERE NOT EXISTS (SELECT 1 FROM domain_event_entry e"
                        + " WHERE e.aggregate_identifier = c.model_id AND e.sequence_number = 0)"
                        + " UNION SELECT e.aggregate_identifier FROM domain_event_entry e WHERE e.sequence_number = 0"
                        + " AND e.payload_type LIKE '%ModelRegistered' AND NOT EXISTS (SELECT 1 FROM"
                        + " claims c WHERE c.model_id = e.aggregate_identifier)")) {
            while (rows.next()) {
                orphans.add(rows.getString(1));
            }
        }
        return orphans;
    }

    private static String single(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
