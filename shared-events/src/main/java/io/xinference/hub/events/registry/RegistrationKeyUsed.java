package io.xinference.hub.events.registry;

import io.xinference.hub.events.ModelStatus;
import org.axonframework.serialization.Revision;

/**
 * A caller's Idempotency-Key registered a model: a retry with the same key and the same request gets this answer
 * again; the same key with another request is refused.
 *
 * @param keyId       the key aggregate's identifier, derived from the caller's subject and the key (the key itself
 *                    is not stored)
 * @param requestHash SHA-256 of the canonical request body
 * @param status      the status the registration answered (version 0)
 */
@Revision("1")
public record RegistrationKeyUsed(String keyId, String requestHash, String modelId, String modelName,
                                  ModelStatus status) implements RegistryEvent {
}
