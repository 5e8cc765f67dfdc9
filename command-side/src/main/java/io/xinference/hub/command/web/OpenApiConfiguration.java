package io.xinference.hub.command.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

import java.util.LinkedHashMap;
import java.util.Map;

/** The command API as OpenAPI ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}). */
@Configuration
class OpenApiConfiguration {

    /** The problems any call may answer; the specific ones are listed per call below. */
    private static final Map<String, String> COMMON_PROBLEMS = Map.of(
            "400", "Malformed request, unknown field, or invalid definition: errors[].pointer for each violation",
            "401", "No valid bearer token",
            "413", "Body over 1 MB, or definition / README / feedback over its limit",
            "415", "Not application/json");

    private static final Map<String, String> CHANGE_PROBLEMS = Map.of(
            "403", "The caller may see the model but lacks the permission for this change",
            "404", "No such model, or one the caller may not see",
            "409", "The change does not fit the model's state (e.g. approving a draft)",
            "412", "If-Match is stale: currentVersion in the body, current ETag in the header",
            "422", "A well-formed value the rules refuse (past expiration date, blank feedback)");

    @Bean
    OpenAPI commandApi() {
        return new OpenAPI()
                .info(new Info().title("Models Hub command API").version("1")
                        .description("Register, edit, review, expire and delete models. Every change answers"
                                + " {modelId, modelName, status, version} with ETag \"<version>\" and accepts"
                                + " If-Match; every error is an RFC 9457 problem (application/problem+json)."))
                .components(new Components()
                        .addSecuritySchemes("bearer",
                                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
                        .addSchemas("ProblemDetail", problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** RFC 9457 as this API writes it, with its two extensions. */
    private static Schema<?> problemSchema() {
        Schema<?> violation = new ObjectSchema()
                .addProperty("pointer", new StringSchema().description("RFC 6901 JSON pointer into the request body"))
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .addProperty("type", new StringSchema().format("uri").example("urn:models-hub:problem:invalid-definition"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(violation).description("one entry per violation"))
                .addProperty("currentVersion", new IntegerSchema().format("int64").description("412 only"));
    }

    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handler) -> {
            String path = handler.getBeanType().getSimpleName();
            // webhooks and mail settings are not models: no model version, no model refusals
            String feature = handler.getBeanType().getPackageName();
            boolean changesAModel = !path.equals("ValidationController")
                    && !feature.endsWith(".webhook") && !feature.endsWith(".notification");
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            Map<String, String> problems = new LinkedHashMap<>(COMMON_PROBLEMS);
            if (changesAModel) {
                problems.putAll(CHANGE_PROBLEMS);
                responses.values().forEach(success -> success.addHeaderObject(HttpHeaders.ETAG,
                        new Header().description("\"<version>\" of the model after the change").schema(new StringSchema())));
            }
            if (path.equals("RegistrationController")) {
                problems.put("409", "Another model (not deleted) has this name, in any letter case");
                problems.put("422", "Past expiration date, or an Idempotency-Key reused for a different request");
            }
            problems.forEach((status, description) -> responses.addApiResponse(status, new ApiResponse()
                    .description(description)
                    .content(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new ObjectSchema().$ref("#/components/schemas/ProblemDetail"))))));
            operation.setResponses(responses);
            boolean takesIfMatch = changesAModel && !path.equals("RegistrationController");
            if (takesIfMatch && operation.getParameters() != null) {
                operation.getParameters().stream()
                        .filter(parameter -> HttpHeaders.IF_MATCH.equalsIgnoreCase(parameter.getName()))
                        .forEach(parameter -> parameter.description("\"<version>\" from the last ETag; stale gives 412"));
            }
            if (path.equals("RegistrationController") && operation.getParameters() != null) {
                operation.getParameters().stream()
                        .filter(parameter -> parameter instanceof HeaderParameter
                                && "Idempotency-Key".equalsIgnoreCase(parameter.getName()))
                        .forEach(parameter -> parameter.description("a retry with the same key gets the first answer"));
            }
            return operation;
        };
    }
}
