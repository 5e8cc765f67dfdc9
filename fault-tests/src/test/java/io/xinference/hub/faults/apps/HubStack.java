package io.xinference.hub.faults.apps;

import io.xinference.hub.devstack.KeycloakTokens;
import io.xinference.hub.devstack.TestServices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A hub of its own for one fault test class: a fresh database (event store, token store, dead letters) and its
 * own Elasticsearch index prefix on the shared test services, and any number of command-side and query-side
 * processes on it. Closing it stops every process it started; the database and indices are left to the
 * throw-away test services (and dropped when a stack of the same name is created again).
 */
public final class HubStack implements AutoCloseable {

    public static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final String name;
    private final String database;
    private final String indexPrefix;
    private final String encryptionKey;
    private final Map<String, String> extraEnvironment = new HashMap<>();
    private final List<HubAppProcess> processes = new ArrayList<>();
    private final KeycloakTokens tokens = KeycloakTokens.forTestServices();

    private HubStack(String name) {
        this.name = name;
        this.database = "hub_faults_" + name;
        this.indexPrefix = "faults-" + name.replace('_', '-') + "-";
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.encryptionKey = Base64.getEncoder().encodeToString(key);
    }

    /** A new, empty hub named after the test (lower case letters, digits and underscores). */
    public static HubStack create(String name) {
        String safe = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        HubStack stack = new HubStack(safe);
        stack.recreateDatabase();
        stack.deleteIndices();
        return stack;
    }

    /** An extra environment variable for every process started from now on (e.g. a processor setting). */
    public HubStack with(String variable, String value) {
        extraEnvironment.put(variable, value);
        return this;
    }

    public String jdbcUrl() {
        return TestServices.jdbcUrl(database);
    }

    public Connection openConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), TestServices.DB_USER, TestServices.DB_PASSWORD);
    }

    public String indexPrefix() {
        return indexPrefix;
    }

    public KeycloakTokens tokens() {
        return tokens;
    }

    /** Starts an instance and waits until it is healthy. Start a command-side first: it migrates the schema. */
    public HubAppProcess start(HubApp app, String instance) {
        HubAppProcess process = startWithoutWaiting(app, instance);
        return process.awaitHealthy(START_TIMEOUT);
    }

    public HubAppProcess startWithoutWaiting(HubApp app, String instance) {
        HubAppProcess process = HubAppProcess.start(app, name + "-" + instance, freePort(), environment(), "384m");
        processes.add(process);
        return process;
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("HUB_DB_URL", jdbcUrl());
        environment.put("HUB_DB_USER", TestServices.DB_USER);
        environment.put("HUB_DB_PASSWORD", TestServices.DB_PASSWORD);
        environment.put("HUB_ES_URL", TestServices.elasticsearchUrl());
        environment.put("HUB_ES_INDEX_PREFIX", indexPrefix);
        environment.put("HUB_ISSUER_URI", TestServices.issuerUri());
        environment.put("HUB_KEYCLOAK_URL", TestServices.keycloakUrl());
        environment.put("HUB_AUDIENCE", "models-hub-api");
        environment.put("HUB_SMTP_HOST", "127.0.0.1");
        environment.put("HUB_SMTP_PORT", Integer.toString(TestServices.smtpPort()));
        environment.put("HUB_USER_CENTER_TOKEN_ENCRYPTION_KEY", encryptionKey);
        // the tests drive more writes per user than a person would
        environment.put("HUB_WRITES_PER_MINUTE", "100000");
        environment.put("HUB_WRITES_BURST", "100000");
        environment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        environment.putAll(extraEnvironment);
        return environment;
    }

    private void recreateDatabase() {
        try (Connection connection = DriverManager.getConnection(TestServices.jdbcUrl("hub_faults"),
                TestServices.DB_USER, TestServices.DB_PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database " + database, e);
        }
    }

    /** Indices (and their aliases) an earlier run of the same test left under this prefix. */
    private void deleteIndices() {
        HttpClient http = HttpClient.newHttpClient();
        String es = TestServices.elasticsearchUrl();
        try {
            HttpResponse<String> names = http.send(HttpRequest.newBuilder(
                            URI.create(es + "/_cat/indices/" + indexPrefix + "*?h=index")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String indices = String.join(",", names.body().trim().split("\\s+"));
            if (names.statusCode() == 200 && !indices.isBlank()) {
                // by name: Elasticsearch 8 refuses wildcard deletes (action.destructive_requires_name)
                http.send(HttpRequest.newBuilder(URI.create(es + "/" + indices)).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the indices of " + indexPrefix, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        processes.forEach(HubAppProcess::stop);
    }
}
