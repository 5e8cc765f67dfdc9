package io.xinference.hub.command.sync;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.xinference.hub.devstack.KeycloakTokens;
import io.xinference.hub.devstack.TestServices;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The whole command-side app, with GitHub and the model hubs replaced by local stubs, against the real PostgreSQL
 * and Keycloak of {@code ./hub test}. It runs in a schema of its own in {@code hub_command_it} (event store
 * included), so its sync poller never competes with other test apps for the same pending syncs. One
 * configuration for the outbound ITs, so Spring's context cache shares one app between them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class OutboundAppContext {

    protected static final KeycloakTokens TOKENS = KeycloakTokens.forTestServices();
    protected static final WireMockServer MODEL_HUBS = new WireMockServer(options().dynamicPort());
    static final GithubStub GITHUB = new GithubStub();
    static final String SCHEMA = "outbound_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    static {
        MODEL_HUBS.start();
    }

    @DynamicPropertySource
    static void stubsAndServices(DynamicPropertyRegistry registry) {
        String url = TestServices.jdbcUrl("hub_command_it");
        registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> TestServices.DB_USER);
        registry.add("spring.datasource.password", () -> TestServices.DB_PASSWORD);
        registry.add("spring.flyway.default-schema", () -> SCHEMA);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("hub.security.issuer-uri", TestServices::issuerUri);
        registry.add("db-scheduler.polling-interval", () -> "1h");
        registry.add("hub.sync.api-url", GITHUB::apiUrl);
        registry.add("hub.sync.bot-token", () -> "bot-token");
        registry.add("hub.readme.huggingface-url", MODEL_HUBS::baseUrl);
        registry.add("hub.readme.modelscope-url", MODEL_HUBS::baseUrl);
    }
}
