package io.xinference.hub.devstack;

import java.util.Optional;

/**
 * The real services that {@code ./hub test} (or {@code ./hub test-env}) started for this test run, as it passes them
 * in environment variables. Integration tests never start services themselves: one set serves every module.
 */
public final class TestServices {

    public static final String DB_USER = "hub";
    public static final String DB_PASSWORD = "hub";

    private TestServices() {
    }

    /** JDBC URL of one of the databases the script created ({@code hub_command_it}, {@code hub_query_it}). */
    public static String jdbcUrl(String database) {
        return required("HUB_TEST_JDBC_BASE") + database;
    }

    public static String elasticsearchUrl() {
        return required("HUB_TEST_ES_URL");
    }

    public static String keycloakUrl() {
        return required("HUB_TEST_KEYCLOAK_URL");
    }

    public static String issuerUri() {
        return keycloakUrl() + "/realms/" + KeycloakTokens.REALM;
    }

    public static int smtpPort() {
        return Integer.parseInt(required("HUB_TEST_SMTP_PORT"));
    }

    public static String mailApiUrl() {
        return required("HUB_TEST_MAIL_API_URL");
    }

    /**
     * The Elasticsearch distribution {@code ./hub} unpacked (the test services run it), for tests that start nodes
     * of their own (fault-tests' three-node cluster).
     */
    public static String elasticsearchHome() {
        return required("HUB_TEST_ES_HOME");
    }

    /** The unprivileged user services run as when the tests run as root (Elasticsearch refuses root); else empty. */
    public static Optional<String> serviceUser() {
        return Optional.ofNullable(System.getenv("HUB_TEST_SERVICE_USER")).filter(value -> !value.isBlank());
    }

    private static String required(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank()).orElseThrow(
                () -> new IllegalStateException(name + " is not set: integration tests run against the services that"
                        + " './hub test' starts (or run 'eval \"$(./hub test-env)\"' first in this shell)"));
    }
}
