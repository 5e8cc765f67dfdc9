package io.xinference.hub.query.projection;

import io.xinference.hub.events.Actor;
import io.xinference.hub.events.EventMetadataKeys;
import io.xinference.hub.events.ModelEvent;
import io.xinference.hub.events.ModelRegistered;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;

/**
 * What the projections need from an event's envelope: its place in the model's history (the sequence number,
 * which becomes the document version), when it happened, and who did it (from the metadata the command side
 * adds; {@code null} when an event carries none).
 */
public record EventFacts(String eventId, long sequence, Instant timestamp, Actor actor, String correlationId,
                         String requestId) {

    public static EventFacts of(DomainEventMessage<?> message) {
        return of(message, message.getSequenceNumber());
    }

    /** For events outside any aggregate: the caller says what orders them. */
    public static EventFacts of(EventMessage<?> message) {
        return of(message, -1);
    }

    private static EventFacts of(EventMessage<?> message, long sequence) {
        MetaData metaData = message.getMetaData();
        String subject = string(metaData, EventMetadataKeys.ACTOR_SUBJECT);
        String username = string(metaData, EventMetadataKeys.ACTOR_USERNAME);
        Actor actor = subject == null && username == null ? null : new Actor(subject, username);
        return new EventFacts(message.getIdentifier(), sequence, message.getTimestamp(), actor,
                string(metaData, EventMetadataKeys.CORRELATION_ID), string(metaData, EventMetadataKeys.REQUEST_ID));
    }

    /**
     * Whether this event is new for a model's read-model document at {@code version} ({@code null}: no document
     * yet): not when its sequence number is not above it (a replay, a duplicate, an out-of-order delivery).
     *
     * @throws IllegalStateException for an event about a model the read model never saw registered (poison: the
     *                               processor dead-letters it)
     */
    public boolean isNewFor(Long version, ModelEvent event, String readModel) {
        if (version != null) {
            return sequence > version;
        }
        if (!(event instanceof ModelRegistered)) {
            throw new IllegalStateException("event " + event.getClass().getSimpleName() + " #" + sequence
                    + " for model " + event.modelId() + " which the " + readModel + " has not seen registered");
        }
        return true;
    }

    private static String string(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
