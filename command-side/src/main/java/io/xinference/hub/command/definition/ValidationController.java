package io.xinference.hub.command.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.xinference.hub.command.web.RequestBodyTooLargeException;
import io.xinference.hub.command.web.RequestLimits;
import io.xinference.hub.events.ClientCompatibility;
import io.xinference.hub.events.ModelType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = "validation")
class ValidationController {

    record ValidationRequest(@NotNull ModelType modelType, @NotNull JsonNode definition) {
    }

    /** {@code errors} point into the request, like the 400 of a registration: {@code /definition/...}. */
    record ValidationResult(boolean valid, List<Violation> errors, ClientCompatibility compatibility) {
    }

    private final DefinitionValidator validator;
    private final RequestLimits limits;

    ValidationController(DefinitionValidator validator, RequestLimits limits) {
        this.validator = validator;
        this.limits = limits;
    }

    @Operation(summary = "Validate a definition without registering it, and tell which Xinference clients load it")
    @PostMapping("/api/registry/validation")
    ValidationResult validate(@Valid @RequestBody ValidationRequest body) throws RequestBodyTooLargeException {
        limits.checkDefinition(body.definition());
        DefinitionCheck check = validator.check(body.modelType(), body.definition(), null);
        return new ValidationResult(check.valid(),
                check.violations().stream().map(violation -> violation.under("/definition")).toList(),
                check.compatibility());
    }
}
