package io.xinference.hub.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.command.CommandSideApplication;
import io.xinference.hub.devstack.KeycloakTokens;
import io.xinference.hub.devstack.TestServices;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scheduled expiry is a persistent deadline: it is set while one app runs, that app stops before the date, and
 * the next app start fires it with the same event as "expire now" (cause SCHEDULED, acting as the system).
 */
class ExpiryDeadlineRestartIT {

    private static final KeycloakTokens TOKENS = KeycloakTokens.forTestServices();
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /**
     * Deadlines of this test live in their own db-scheduler table: other apps of this test JVM (Spring's cached
     * contexts) poll {@code scheduled_tasks} and must not fire this deadline between the two starts.
     */
    private static final String TABLE = "scheduled_tasks_restart_it";

    @BeforeAll
    static void ownDeadlineTable() throws Exception {
        try (Connection connection = DriverManager.getConnection(TestServices.jdbcUrl("hub_command_it"),
                TestServices.DB_USER, TestServices.DB_PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (task_name text NOT NULL,"
                    + " task_instance text NOT NULL, task_data bytea, execution_time timestamptz NOT NULL,"
                    + " picked boolean NOT NULL, picked_by text, last_success timestamptz, last_failure timestamptz,"
                    + " consecutive_failures int, last_heartbeat timestamptz, version bigint NOT NULL,"
                    + " priority smallint, PRIMARY KEY (task_name, task_instance))");
        }
    }

    @Test
    void scheduledExpiryFiresAfterTheApplicationRestarted() throws Exception {
        Instant expiresAt;
        String modelId;
        // the first app polls for due deadlines once an hour: the expiry cannot fire while it runs
        try (ConfigurableApplicationContext first = start("1h")) {
            expiresAt = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.MILLIS);
            Map<String, Object> body = new HashMap<>(CommandSideIT.registration("audio", "PRIVATE",
                    CommandSideIT.fixtureNamed("audio", "voice-" + UUID.randomUUID().toString().substring(0, 8))));
            body.put("expiresAt", expiresAt.toString());
            Api.Answer registered = api(first).call("POST", "/api/registry/models").token(TOKENS.accessToken("alice"))
                    .json(body).send();
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            modelId = registered.body().path("modelId").asText();
            assertThat(jdbc(first).queryForObject("SELECT count(*) FROM " + TABLE + " WHERE execution_time = ?",
                    Integer.class, java.sql.Timestamp.from(expiresAt))).as("the deadline is stored").isEqualTo(1);
        }
        try (ConfigurableApplicationContext second = start("1s")) {
            JdbcTemplate jdbc = jdbc(second);
            assertThat(eventTypes(jdbc, modelId)).as("nothing fired before the restart")
                    .containsExactly("io.xinference.hub.events.ModelRegistered");

            List<String> events = awaitEvents(jdbc, modelId, 2);

            assertThat(events).containsExactly("io.xinference.hub.events.ModelRegistered",
                    "io.xinference.hub.events.ModelExpired");
            JsonNode expired = json(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry"
                    + " WHERE aggregate_identifier = ? AND sequence_number = 1", String.class, modelId));
            JsonNode metadata = json(jdbc.queryForObject("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry"
                    + " WHERE aggregate_identifier = ? AND sequence_number = 1", String.class, modelId));
            assertThat(expired.path("cause").asText()).isEqualTo("SCHEDULED");
            assertThat(expired.path("modelId").asText()).isEqualTo(modelId);
            assertThat(metadata.path("actorUsername").asText()).isEqualTo("system");
            assertThat(metadata.path("requestId").asText()).isNotBlank();
            // db-scheduler removes the execution just after the handler's transaction committed: wait for it
            assertThat(awaitRemaining(jdbc, expiresAt)).as("the deadline is done, not left to fire again").isZero();
        }
    }

    private static ConfigurableApplicationContext start(String pollingInterval) {
        // arguments, because they outrank application.yml (default properties would not)
        return new SpringApplicationBuilder(CommandSideApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + TestServices.jdbcUrl("hub_command_it"),
                "--spring.datasource.username=" + TestServices.DB_USER,
                "--spring.datasource.password=" + TestServices.DB_PASSWORD,
                "--hub.security.issuer-uri=" + TestServices.issuerUri(),
                "--db-scheduler.polling-interval=" + pollingInterval,
                "--db-scheduler.table-name=" + TABLE);
    }

    private static Api api(ConfigurableApplicationContext app) {
        return new Api("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
    }

    private static JdbcTemplate jdbc(ConfigurableApplicationContext app) {
        return app.getBean(JdbcTemplate.class);
    }

    private static List<String> eventTypes(JdbcTemplate jdbc, String modelId) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number", String.class, modelId);
    }

    /** Polls until the model has {@code count} events or patience runs out (then the assertion after fails). */
    private static List<String> awaitEvents(JdbcTemplate jdbc, String modelId, int count) throws InterruptedException {
        Instant giveUp = Instant.now().plus(PATIENCE);
        List<String> events = eventTypes(jdbc, modelId);
        while (events.size() < count && Instant.now().isBefore(giveUp)) {
            Thread.sleep(250);
            events = eventTypes(jdbc, modelId);
        }
        return events;
    }

    private static int awaitRemaining(JdbcTemplate jdbc, Instant executionTime) throws InterruptedException {
        Instant giveUp = Instant.now().plus(PATIENCE);
        int remaining = remaining(jdbc, executionTime);
        while (remaining > 0 && Instant.now().isBefore(giveUp)) {
            Thread.sleep(250);
            remaining = remaining(jdbc, executionTime);
        }
        return remaining;
    }

    private static int remaining(JdbcTemplate jdbc, Instant executionTime) {
        return jdbc.queryForObject("SELECT count(*) FROM " + TABLE + " WHERE execution_time = ?", Integer.class,
                java.sql.Timestamp.from(executionTime));
    }

    private static JsonNode json(String text) throws IOException {
        return Api.JSON.readTree(text);
    }
}
