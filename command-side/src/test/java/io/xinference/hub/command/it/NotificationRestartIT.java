package io.xinference.hub.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.command.CommandSideApplication;
import io.xinference.hub.devstack.KeycloakTokens;
import io.xinference.hub.devstack.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A restart in the middle of retries loses nothing: a webhook delivery that failed once while the first app ran,
 * and an expiry reminder due only after that app stopped, are both delivered by the next app start. The two apps
 * run in a schema of their own (event store included), so no other test app of this JVM can deliver in between.
 */
class NotificationRestartIT {

    private static final KeycloakTokens TOKENS = KeycloakTokens.forTestServices();
    private static final String SCHEMA = "notification_restart_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @AfterAll
    static void cleanUp() throws Exception {
        RECEIVER.close();
        try (Connection connection = DriverManager.getConnection(TestServices.jdbcUrl("hub_command_it"),
                TestServices.DB_USER, TestServices.DB_PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void aDeliveryBetweenRetriesAndAReminderDueLaterArriveAfterTheAppRestarted() {
        String url = RECEIVER.endpoint(503);
        String hookId;
        String modelName = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        Instant expiresAt;
        // the first app waits 5 s after a failed attempt: it stops before the second attempt
        try (ConfigurableApplicationContext first = start("5s")) {
            Api api = api(first);
            hookId = api.call("POST", "/api/webhooks").token(TOKENS.accessToken("bob"))
                    .json(Map.of("url", url, "eventKinds", List.of("model.registered"))).send().body().path("id").asText();
            Map<String, Object> body = new HashMap<>(CommandSideIT.registration("llm", "PRIVATE",
                    CommandSideIT.fixtureNamed("llm", modelName)));
            body.put("expiresAt", Instant.now().plus(Duration.ofDays(30)).toString());
            Api.Answer registered = api.call("POST", "/api/registry/models").token(TOKENS.accessToken("bob"))
                    .json(body).send();
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

            await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.requests(url).size() == 1);
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "SELECT attempts FROM webhook_delivery WHERE webhook_id = ?", Integer.class, hookId) == 1);

            // just before the stop, the date moves so close that the reminder is due a few seconds after it
            expiresAt = Instant.now().plus(Duration.ofDays(7)).plusSeconds(8);
            String modelId = registered.body().path("modelId").asText();
            assertThat(api.call("PUT", "/api/registry/models/" + modelId + "/expiration")
                    .token(TOKENS.accessToken("bob")).json(Map.of("expiresAt", expiresAt.toString())).send().status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject("SELECT count(*) FROM mail_outbox"
                    + " WHERE kind = 'EXPIRY_REMINDER' AND status = 'PENDING' AND due_at < now() + interval '1 minute'",
                    Integer.class) == 1);
        }
        RECEIVER.answerFromNowOn(url, 200);
        assertThat(RECEIVER.requests(url)).as("nothing was sent between the two apps").hasSize(1);

        try (ConfigurableApplicationContext second = start("300ms")) {
            Api api = api(second);
            JsonNode delivered = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .until(() -> api.call("GET", "/api/webhooks/" + hookId + "/deliveries")
                            .token(TOKENS.accessToken("bob")).send().body().get(0),
                            delivery -> delivery.path("status").asText().equals("DELIVERED"));

            assertThat(delivered.path("attempts").asInt()).isEqualTo(2);
            assertThat(delivered.path("attemptLog").findValuesAsText("httpStatus")).containsExactly("503", "200");
            assertThat(RECEIVER.requests(url)).hasSize(2);
            MailCatcher.Mail reminder = MailCatcher.awaitMail("bob@models-hub.local",
                    modelName + " expires on " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                            .withZone(java.time.ZoneOffset.UTC).format(expiresAt));
            assertThat(reminder.text()).contains("Your model " + modelName + " (llm) expires on");
        }
    }

    private static ConfigurableApplicationContext start(String retryDelay) {
        String url = TestServices.jdbcUrl("hub_command_it");
        // arguments, because they outrank application.yml and the test config (default properties would not)
        return new SpringApplicationBuilder(CommandSideApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
                "--spring.datasource.username=" + TestServices.DB_USER,
                "--spring.datasource.password=" + TestServices.DB_PASSWORD,
                "--spring.flyway.default-schema=" + SCHEMA,
                "--spring.flyway.schemas=" + SCHEMA,
                "--hub.security.issuer-uri=" + TestServices.issuerUri(),
                "--db-scheduler.polling-interval=1h",
                "--hub.sync.enabled=false",
                "--hub.webhooks.first-retry-delay=" + retryDelay,
                "--hub.webhooks.max-retry-delay=" + retryDelay);
    }

    private static Api api(ConfigurableApplicationContext app) {
        return new Api("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
    }
}
