package io.xinference.hub.events.registry;

import org.axonframework.serialization.Revision;

/** The model holding the name was deleted; the name is free again. */
@Revision("1")
public record ModelNameReleased(String nameKey, String modelName, String modelId) implements RegistryEvent {
}
