package io.xinference.hub.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.xinference.hub.events.ModelEvent;
import io.xinference.hub.query.audittrail.AuditEntries;
import io.xinference.hub.query.audittrail.AuditEntry;
import io.xinference.hub.query.catalogue.CatalogueApplier;
import io.xinference.hub.query.catalogue.CatalogueDocument;
import io.xinference.hub.query.projection.EventFacts;
import io.xinference.hub.query.web.NotFoundException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A model's history read from the event store itself (never from a projection), through the same upcasters
 * the projections use. Reads from sequence 0 so a snapshot the command side may store is never mistaken for an
 * event. The state at an instant or version is the catalogue's own pure fold ({@link CatalogueApplier}) over
 * the events up to that point, so it means exactly what the live catalogue document meant then.
 */
@Component
public class ModelHistory {

    private final EventStore eventStore;
    private final ObjectMapper objectMapper;

    public ModelHistory(EventStore eventStore, ObjectMapper objectMapper) {
        this.eventStore = eventStore;
        this.objectMapper = objectMapper;
    }

    /** @throws NotFoundException for a model id the store has no events for */
    public List<HistoryEvent> events(String modelId) {
        List<HistoryEvent> events = new ArrayList<>();
        for (DomainEventMessage<?> message : messages(modelId)) {
            events.add(describe(message));
        }
        return events;
    }

    /** The model as it was just after its event number {@code version}; empty if it has no such version. */
    public Optional<CatalogueDocument> stateAtVersion(String modelId, long version) {
        return fold(modelId, message -> message.getSequenceNumber() <= version)
                .filter(state -> state.version() == version);
    }

    /** The model as it was at {@code instant} (events stamped at or before it); empty if it did not exist yet. */
    public Optional<CatalogueDocument> stateAt(String modelId, Instant instant) {
        return fold(modelId, message -> !message.getTimestamp().isAfter(instant));
    }

    private Optional<CatalogueDocument> fold(String modelId, Predicate<DomainEventMessage<?>> included) {
        CatalogueDocument state = null;
        for (DomainEventMessage<?> message : messages(modelId)) {
            if (!included.test(message)) {
                break;
            }
            if (message.getPayload() instanceof ModelEvent event) {
                state = CatalogueApplier.apply(state, event, EventFacts.of(message)).orElse(state);
            }
        }
        return Optional.ofNullable(state);
    }

    private List<DomainEventMessage<?>> messages(String modelId) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(modelId, 0);
        stream.forEachRemaining(messages::add);
        if (messages.isEmpty()) {
            throw new NotFoundException("no events for model " + modelId);
        }
        return messages;
    }

    private HistoryEvent describe(DomainEventMessage<?> message) {
        Object payload = message.getPayload();
        String summary = null;
        io.xinference.hub.events.Actor actor = EventFacts.of(message).actor();
        if (payload instanceof ModelEvent event) {
            AuditEntry entry = AuditEntries.of(event, EventFacts.of(message));
            summary = entry.summary();
            actor = entry.actor();
        }
        return new HistoryEvent(message.getSequenceNumber(), message.getIdentifier(),
                message.getPayloadType().getSimpleName(), message.getTimestamp(), actor, summary,
                objectMapper.valueToTree(payload), new LinkedHashMap<>(message.getMetaData()));
    }
}
