package io.xinference.hub.command.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.devstack.Fixtures;
import io.xinference.hub.devstack.HostileTokens;
import io.xinference.hub.devstack.KeycloakTokens;
import io.xinference.hub.devstack.TestServices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The running app against the real services of {@code ./hub test}: PostgreSQL database {@code hub_command_it} and
 * the realm's Keycloak. One configuration for every IT of the module, so Spring's context cache shares one app
 * (public for the fuzz tests in {@code io.xinference.hub.command.fuzz}, which share it too).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// metrics and tracing as in production (Spring's tests leave them out by default): MetricsIT scrapes them
@AutoConfigureObservability
public abstract class CommandSideIT {

    protected static final KeycloakTokens TOKENS = KeycloakTokens.forTestServices();

    @LocalServerPort
    int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void testServices(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestServices.jdbcUrl("hub_command_it"));
        registry.add("spring.datasource.username", () -> TestServices.DB_USER);
        registry.add("spring.datasource.password", () -> TestServices.DB_PASSWORD);
        registry.add("hub.security.issuer-uri", TestServices::issuerUri);
        // the realm's real keys plus a test key, so HostileTokensIT reaches the claim checks (see HostileTokens)
        registry.add("hub.security.jwk-set-uri", () -> HostileTokens.forTestServices().jwkSetUri());
        // the shared app never fires deadlines by itself, so ExpiryDeadlineRestartIT alone decides when one fires
        registry.add("db-scheduler.polling-interval", () -> "1h");
    }

    Api api() {
        return new Api("http://127.0.0.1:" + port);
    }

    protected static String token(String user) {
        return TOKENS.accessToken(user);
    }

    /** A real fixture of that type under a name no other test (or earlier run on the same database) uses. */
    protected static ObjectNode fixtureNamed(String modelType, String name) {
        ObjectNode definition = Fixtures.definition(modelType);
        definition.put("model_name", name);
        return definition;
    }

    protected static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> registration(String modelType, String visibility, ObjectNode definition) {
        return Map.of("modelType", modelType, "visibility", visibility, "definition", definition, "readme", "# readme");
    }

    Api.Answer register(String user, String modelType, String visibility, ObjectNode definition) {
        return api().call("POST", "/api/registry/models").token(token(user))
                .json(registration(modelType, visibility, definition)).send();
    }

    /** The payload types of a model's events, in order, straight from the event store. */
    List<String> eventTypes(String modelId) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number", String.class, modelId);
    }

    protected List<Long> sequenceNumbers(String modelId) {
        return jdbc.queryForList("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number", Long.class, modelId);
    }
}
