package io.xinference.hub.command.registration;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;

/**
 * What a registration takes, and nothing more: owner, status, version and {@code updated_at} belong to the hub.
 * The model's name is {@code definition.model_name}.
 */
public record RegistrationRequest(
        @NotNull @Schema(example = "llm") ModelType modelType,
        @NotNull Visibility visibility,
        @NotNull @Schema(description = "the Xinference model definition of that type") JsonNode definition,
        @Schema(description = "markdown") String readme,
        @Schema(description = "ISO-8601; the model expires by itself then") Instant expiresAt) {
}
