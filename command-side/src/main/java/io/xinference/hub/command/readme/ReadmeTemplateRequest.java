package io.xinference.hub.command.readme;

import com.fasterxml.jackson.databind.JsonNode;

/** The registration form's type and definition, to write a README from when no model card is available. */
public record ReadmeTemplateRequest(String modelType, JsonNode definition) {
}
