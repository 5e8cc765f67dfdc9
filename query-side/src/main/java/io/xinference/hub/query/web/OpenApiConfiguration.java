package io.xinference.hub.query.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** OpenAPI at {@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}; bearer tokens are optional on reads. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI queryApi() {
        return new OpenAPI()
                .info(new Info().title("Models Hub query API").version("v1").description(
                        "Catalogue search and detail, review queue, audit trail, and the Xinference model API. "
                                + "Anonymous callers see approved public models; a bearer token shows more."))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
