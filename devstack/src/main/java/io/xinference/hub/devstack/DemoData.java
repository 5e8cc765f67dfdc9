package io.xinference.hub.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Loads the demo catalogue through the real command API: the six real Xinference definitions, registered by the
 * public maintainer {@code paula}, so they are published at once. Safe to run twice: registration is idempotent
 * per model and a name that exists already is reported and skipped.
 *
 * <p>Usage: {@code DemoData <command-side URL> <keycloak URL>}
 */
public final class DemoData {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PUBLISHER = "paula";

    private DemoData() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: DemoData <command-side URL> <keycloak URL>");
            System.exit(2);
        }
        String commandUrl = args[0];
        String token = new KeycloakTokens(args[1]).accessToken(PUBLISHER);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int failures = 0;
        for (Map.Entry<String, ObjectNode> fixture : Fixtures.all().entrySet()) {
            failures += register(http, commandUrl, token, fixture.getKey(), fixture.getValue()) ? 0 : 1;
        }
        if (failures > 0) {
            System.exit(1);
        }
    }

    private static boolean register(HttpClient http, String commandUrl, String token, String modelType,
                                    ObjectNode definition) throws IOException, InterruptedException {
        String name = definition.path("model_name").asText();
        ObjectNode body = JSON.createObjectNode();
        body.put("modelType", modelType);
        body.put("visibility", "PUBLIC");
        body.set("definition", definition);
        body.put("readme", readmeFor(modelType, definition));
        HttpRequest request = HttpRequest.newBuilder(URI.create(commandUrl + "/api/registry/models"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "demo-data-" + name)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            JsonNode answer = JSON.readTree(response.body());
            System.err.printf("  %-10s %-22s %s%n", modelType, name, answer.path("status").asText("registered"));
            return true;
        }
        if (status == 409) {
            System.err.printf("  %-10s %-22s already registered%n", modelType, name);
            return true;
        }
        System.err.printf("  %-10s %-22s refused: %d %s%n", modelType, name, status, response.body());
        return false;
    }

    /** A short model card from the definition itself; "Get README" can fetch the real one later. */
    public static String readmeFor(String modelType, JsonNode definition) {
        StringBuilder readme = new StringBuilder()
                .append("# ").append(definition.path("model_name").asText()).append("\n\n");
        String description = definition.path("model_description").asText("");
        if (!description.isBlank()) {
            readme.append(description).append("\n\n");
        }
        readme.append("- **Type:** ").append(modelType).append('\n');
        appendList(readme, "Abilities", definition.path("model_ability"));
        appendList(readme, "Languages", definition.has("model_lang")
                ? definition.path("model_lang") : definition.path("language"));
        readme.append("\nLaunch it from Xinference after updating the ").append(modelType)
                .append(" list from this hub.\n");
        return readme.toString();
    }

    private static void appendList(StringBuilder readme, String label, JsonNode values) {
        if (values.isArray() && !values.isEmpty()) {
            readme.append("- **").append(label).append(":** ");
            for (int i = 0; i < values.size(); i++) {
                readme.append(i == 0 ? "" : ", ").append(values.get(i).asText());
            }
            readme.append('\n');
        } else if (values.isTextual()) {
            readme.append("- **").append(label).append(":** ").append(values.asText()).append('\n');
        }
    }
}
