package io.xinference.hub.events.registry;

import org.axonframework.serialization.Revision;

/**
 * A model took the name; no other model may register it, in any letter case, until it is released.
 *
 * @param nameKey   the name aggregate's identifier ({@code model-name:} and the lower-cased name)
 * @param modelName the name as the model spells it
 */
@Revision("1")
public record ModelNameClaimed(String nameKey, String modelName, String modelId) implements RegistryEvent {
}
