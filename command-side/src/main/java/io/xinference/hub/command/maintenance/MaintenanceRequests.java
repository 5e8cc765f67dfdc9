package io.xinference.hub.command.maintenance;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;

/** The bodies of the maintenance calls: each takes exactly one field. */
final class MaintenanceRequests {

    private MaintenanceRequests() {
    }

    record DefinitionRequest(@NotNull JsonNode definition) {
    }

    record ReadmeRequest(@NotNull String readme) {
    }

    /** {@code null} clears the expiration date. */
    record ExpirationRequest(Instant expiresAt) {
    }
}
