package io.xinference.hub.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs where the hub is built, so the production shape in {@code docker/compose.yaml} is checked
 * here property by property (CI also runs {@code docker-compose config}): what would have to be true for it to go
 * live. Anchors and merge keys are resolved as compose resolves them.
 */
class ProductionComposeTest {

    private static final Path DOCKER = Path.of("..", "docker");
    private static final Set<String> APPS = Set.of("command-side-1", "command-side-2", "query-side-1", "query-side-2");
    private static final Set<String> ES_NODES = Set.of("elasticsearch-1", "elasticsearch-2", "elasticsearch-3");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[?-])?[^}]*}");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|ENCRYPTION_KEY).*");

    private static String raw;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        raw = Files.readString(DOCKER.resolve("compose.yaml"));
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Map<String, Object> compose = new Yaml(options).load(raw);
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void keycloakRunsInProductionModeBehindTheProxy() {
        List<String> command = strings(services.get("keycloak").get("command"));
        assertThat(command.get(0)).isEqualTo("start");
        assertThat(command).doesNotContain("start-dev")
                .contains("--proxy-headers=xforwarded", "--http-relative-path=/auth")
                .anyMatch(option -> option.startsWith("--hostname=${HUB_PUBLIC_URL}"));
        Map<String, Object> environment = environment("keycloak");
        assertThat(environment).containsEntry("KC_DB", "postgres");
        assertThat(services.get("keycloak")).doesNotContainKey("ports");
    }

    @Test
    void theProductionRealmHasNoDemoAccountsAndNoPasswordGrant() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode production = json.readTree(DOCKER.resolve("keycloak/models-hub-realm.json").toFile());
        JsonNode development = json.readTree(Path.of("src/main/resources/keycloak/models-hub-realm.json").toFile());
        assertThat(production.path("sslRequired").asText()).isEqualTo("external");
        assertThat(production.path("users")).allSatisfy(user -> {
            assertThat(user.path("credentials")).isEmpty();
            assertThat(user.path("serviceAccountClientId").asText()).isNotEmpty();
        });
        assertThat(production.path("clients")).allSatisfy(client ->
                assertThat(client.path("directAccessGrantsEnabled").asBoolean(false)).isFalse());
        // the same roles as the realm the tests run against: permissions are one set
        assertThat(roleNames(production)).isEqualTo(roleNames(development));
        assertThat(production.toString()).doesNotContain("dev-secret", "127.0.0.1", "localhost");
    }

    @Test
    void elasticsearchIsAThreeNodeClusterWithTlsAndPasswords() {
        for (String node : ES_NODES) {
            Map<String, Object> environment = environment(node);
            assertThat(environment).as(node)
                    .containsEntry("xpack.security.enabled", "true")
                    .containsEntry("xpack.security.http.ssl.enabled", "true")
                    .containsEntry("xpack.security.transport.ssl.enabled", "true")
                    .containsEntry("node.name", node)
                    .doesNotContainKey("discovery.type");
            assertThat(strings(environment.get("cluster.initial_master_nodes"))).as(node)
                    .containsExactlyInAnyOrderElementsOf(ES_NODES);
            Set<String> others = new LinkedHashSet<>(ES_NODES);
            others.remove(node);
            assertThat(strings(environment.get("discovery.seed_hosts"))).as(node)
                    .containsExactlyInAnyOrderElementsOf(others);
            assertThat(String.valueOf(environment.get("ELASTIC_PASSWORD"))).startsWith("${");
        }
        for (String app : APPS) {
            Map<String, Object> environment = environment(app);
            assertThat(strings(environment.get("HUB_ES_URL"))).as(app)
                    .containsExactlyInAnyOrder("https://elasticsearch-1:9200", "https://elasticsearch-2:9200",
                            "https://elasticsearch-3:9200");
            assertThat(environment).as(app)
                    .containsEntry("HUB_ES_REPLICAS", "1")
                    .containsEntry("HUB_ES_USERNAME", "hub")
                    .containsKeys("HUB_ES_PASSWORD", "HUB_ES_CA_CERT");
        }
    }

    @Test
    void everySecretIsRequiredAndNoneHasADefault() {
        Set<String> required = new LinkedHashSet<>();
        List<String> defaulted = new ArrayList<>();
        Matcher variables = VARIABLE.matcher(raw);
        while (variables.find()) {
            String name = variables.group(1);
            String operator = variables.group(2);
            if (operator != null && operator.endsWith("?")) {
                required.add(name);
            }
            if (operator != null && operator.endsWith("-") && SECRET_NAME.matcher(name).matches()) {
                defaulted.add(variables.group());
            }
        }
        assertThat(defaulted).as("secrets with a default value").isEmpty();
        assertThat(required).contains("HUB_DB_PASSWORD", "HUB_ES_PASSWORD", "HUB_ELASTIC_PASSWORD",
                "HUB_KEYCLOAK_ADMIN_PASSWORD", "HUB_KEYCLOAK_DB_PASSWORD", "HUB_NOTIFIER_CLIENT_SECRET",
                "HUB_USER_CENTER_TOKEN_ENCRYPTION_KEY", "HUB_GRAFANA_ADMIN_PASSWORD", "HUB_PUBLIC_URL",
                "HUB_TLS_CERTIFICATE", "HUB_TLS_PRIVATE_KEY");
        // every value that is a secret comes from one of those variables, never written into the file
        services.forEach((service, definition) -> environment(service).forEach((key, value) -> {
            if (SECRET_NAME.matcher(key.toUpperCase()).matches()) {
                Matcher reference = VARIABLE.matcher(String.valueOf(value));
                assertThat(reference.matches()).as(service + " " + key + " is a variable").isTrue();
                assertThat(required).as(service + " " + key).contains(reference.group(1));
            }
        }));
    }

    @Test
    void appsRunAsNonRootWithHealthChecksMemoryLimitsAndNoPublishedPort() {
        for (String app : APPS) {
            Map<String, Object> service = services.get(app);
            assertThat(String.valueOf(service.get("user"))).as(app).doesNotStartWith("0").doesNotStartWith("root")
                    .isNotEqualTo("null");
            assertThat(service).as(app).containsKey("healthcheck").doesNotContainKey("ports")
                    .containsEntry("read_only", true);
            assertThat(environment(app)).as(app).containsEntry("MANAGEMENT_SERVER_PORT", "9091");
        }
        services.forEach((name, service) -> assertThat(memoryLimit(service)).as(name + " memory limit").isNotNull());
    }

    @Test
    void theProxyTerminatesTlsWithSecurityHeadersAndNeverRoutesToMetrics() throws IOException {
        assertThat(strings(services.get("proxy").get("ports"))).contains("443:8443");
        String nginx = Files.readString(DOCKER.resolve("nginx.conf"));
        assertThat(nginx).contains("listen 8443 ssl", "ssl_certificate ", "ssl_protocols TLSv1.2 TLSv1.3",
                "Strict-Transport-Security", "X-Content-Type-Options", "X-Frame-Options",
                "Content-Security-Policy", "location /actuator/ { return 404; }", "return 301 https://");
        assertThat(nginx).doesNotContain(":9091");
        // only the proxy faces the network; operators' tools listen on the host's loopback
        services.forEach((name, service) -> {
            if (!name.equals("proxy")) {
                assertThat(strings(service.get("ports"))).as(name).allMatch(port -> port.startsWith("127.0.0.1:"));
            }
        });
    }

    @Test
    void prometheusScrapesEveryAppOnItsManagementPortAndGrafanaHasTheDashboard() throws IOException {
        String prometheus = Files.readString(DOCKER.resolve("prometheus/prometheus.yml"));
        for (String app : APPS) {
            assertThat(prometheus).contains("\"" + app + ":9091\"");
        }
        assertThat(prometheus).contains("metrics_path: /actuator/prometheus");
        JsonNode dashboard = new ObjectMapper().readTree(DOCKER.resolve("grafana/models-hub-dashboard.json").toFile());
        List<String> expressions = StreamSupport.stream(dashboard.path("panels").spliterator(), false)
                .flatMap(panel -> StreamSupport.stream(panel.path("targets").spliterator(), false))
                .map(target -> target.path("expr").asText()).toList();
        assertThat(String.join("\n", expressions)).contains("hub_projection_lag_events", "hub_processor_dead_letters",
                "hub_processor_segments_owned", "http_server_requests_seconds", "hikaricp_connections");
        assertThat(services).containsKeys("prometheus", "grafana");
    }

    private static Map<String, Object> environment(String service) {
        @SuppressWarnings("unchecked")
        Map<String, Object> environment = (Map<String, Object>) services.get(service).get("environment");
        return environment == null ? Map.of() : environment;
    }

    private static Object memoryLimit(Map<String, Object> service) {
        if (service.get("deploy") instanceof Map<?, ?> deploy && deploy.get("resources") instanceof Map<?, ?> resources
                && resources.get("limits") instanceof Map<?, ?> limits) {
            return limits.get("memory");
        }
        return null;
    }

    /** A YAML list, or a comma-separated value as compose and Elasticsearch read it. */
    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value).split("\\s*,\\s*"));
    }

    private static Set<String> roleNames(JsonNode realm) {
        Set<String> names = new LinkedHashSet<>();
        realm.path("roles").path("realm").forEach(role -> names.add(role.path("name").asText()));
        return names;
    }
}
