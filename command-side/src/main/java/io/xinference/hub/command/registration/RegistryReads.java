package io.xinference.hub.command.registration;

import io.xinference.hub.events.registry.ModelNameClaimed;
import io.xinference.hub.events.registry.ModelNameReleased;
import io.xinference.hub.events.registry.RegistrationKeyUsed;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Reads a key's first answer and a name's holder straight from their aggregates' events. This is how a request
 * learns it lost a race whatever shape the failure arrived in (with Axon Server, a command refused on another
 * instance comes back as a remote exception that carries only messages).
 */
@Component
class RegistryReads {

    private final EventStore events;

    RegistryReads(EventStore events) {
        this.events = events;
    }

    Optional<RegistrationKeyUsed> key(String keyId) {
        DomainEventStream stream = events.readEvents(keyId);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof RegistrationKeyUsed used) {
                return Optional.of(used);
            }
        }
        return Optional.empty();
    }

    /** The model holding the name now, if any. */
    Optional<String> holderOf(String modelName) {
        String holder = null;
        DomainEventStream stream = events.readEvents(ModelNameAggregate.idOf(modelName));
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getPayload() instanceof ModelNameClaimed claimed) {
                holder = claimed.modelId();
            } else if (event.getPayload() instanceof ModelNameReleased) {
                holder = null;
            }
        }
        return Optional.ofNullable(holder);
    }
}
