package io.xinference.hub.command.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.security.CurrentUser;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Register a model; its name is the definition's {@code model_name}. */
public record RegisterModel(@TargetAggregateIdentifier String modelId, ModelType modelType, Visibility visibility,
                            JsonNode definition, String readme, Instant expiresAt, CurrentUser caller)
        implements CommandByCaller {

    public String modelName() {
        return definition == null ? null : definition.path("model_name").asText(null);
    }
}
