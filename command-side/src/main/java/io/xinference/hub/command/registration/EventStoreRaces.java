package io.xinference.hub.command.registration;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Whether a command failed because another one appended the same aggregate's next event first: with PostgreSQL
 * the storage engine's {@link ConcurrencyException} or, for an aggregate's first event,
 * {@link AggregateStreamCreationException}; with Axon Server the same exceptions when this instance handled the
 * command. When another instance handled it, the connector hands back a remote exception with messages only, and
 * {@link Registrations} asks the store instead ({@link RegistryReads}).
 */
final class EventStoreRaces {

    private EventStoreRaces() {
    }

    static boolean lost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException
                    || cause instanceof RegistrationKeyAggregate.RegistrationKeyAlreadyUsed) {
                return true;
            }
        }
        return false;
    }
}
