package io.xinference.hub.command.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The command API as OpenAPI ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}). */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI commandApi() {
        return new OpenAPI()
                .info(new Info().title("Models Hub command API").version("1")
                        .description("Register, edit, review, expire and delete models. Every change answers"
                                + " {modelId, modelName, status, version} with ETag \"<version>\" and accepts"
                                + " If-Match; every error is an RFC 9457 problem (application/problem+json)."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
