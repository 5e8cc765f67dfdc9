package io.xinference.hub.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ClientCompatibility;
import io.xinference.hub.events.EventMetadataKeys;
import io.xinference.hub.events.ExpiryCause;
import io.xinference.hub.events.ModelApproved;
import io.xinference.hub.events.ModelDefinitionUpdated;
import io.xinference.hub.events.ModelDeleted;
import io.xinference.hub.events.ModelEvent;
import io.xinference.hub.events.ModelExpirationDateSet;
import io.xinference.hub.events.ModelExpired;
import io.xinference.hub.events.ModelReadmeUpdated;
import io.xinference.hub.events.ModelRegistered;
import io.xinference.hub.events.ModelRejected;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelSubmissionWithdrawn;
import io.xinference.hub.events.ModelSubmittedForReview;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Appends model events to the real event store the way the command side does (domain events with the actor in
 * the metadata), so tests drive the projections exactly as production does, without the command side.
 */
@TestComponent
public class EventStoreFixture {

    public static final Actor REVIEWER = new Actor("reviewer-subject", "rita");
    private final EventStore eventStore;
    private final TransactionTemplate transactions;
    private final Map<String, Long> sequences = new ConcurrentHashMap<>();

    public EventStoreFixture(EventStore eventStore, TransactionTemplate transactions) {
        this.eventStore = eventStore;
        this.transactions = transactions;
    }

    /** @return the sequence number (= version) of the appended event */
    public long append(ModelEvent event, Actor actor) {
        long sequence = sequences.merge(event.modelId(), 0L, (previous, ignored) -> previous + 1);
        MetaData metaData = MetaData.with(EventMetadataKeys.ACTOR_SUBJECT, actor.subject())
                .and(EventMetadataKeys.ACTOR_USERNAME, actor.username())
                .and(EventMetadataKeys.CORRELATION_ID, UUID.randomUUID().toString())
                .and(EventMetadataKeys.REQUEST_ID, UUID.randomUUID().toString());
        GenericDomainEventMessage<ModelEvent> message =
                new GenericDomainEventMessage<>("Model", event.modelId(), sequence, event, metaData);
        transactions.executeWithoutResult(status -> eventStore.publish(message));
        return sequence;
    }

    /** An event outside any aggregate, as the command side's repository sync publishes them. */
    public void publish(Object event, Actor actor) {
        MetaData metaData = MetaData.with(EventMetadataKeys.ACTOR_SUBJECT, actor.subject())
                .and(EventMetadataKeys.ACTOR_USERNAME, actor.username());
        transactions.executeWithoutResult(status -> eventStore.publish(
                org.axonframework.eventhandling.GenericEventMessage.asEventMessage(event).andMetaData(metaData)));
    }

    public long version(String modelId) {
        return sequences.getOrDefault(modelId, -1L);
    }

    /** A model: its id, name, type, visibility, owner and the definition it was registered with. */
    public record Model(String id, String name, ModelType type, Visibility visibility, Actor owner) {
    }

    public static Model model(String name, ModelType type, Visibility visibility, Actor owner) {
        return new Model(UUID.randomUUID().toString(), name, type, visibility, owner);
    }

    public long register(Model m, JsonNode definition, ModelStatus status, Instant expiresAt) {
        return append(new ModelRegistered(m.id(), m.name(), m.type(), m.visibility(), definition,
                "# " + m.name() + "\n\nREADME of " + m.name(), m.owner(), status, expiresAt,
                ClientCompatibility.allClients()), m.owner());
    }

    public long updateDefinition(Model m, JsonNode definition, ModelStatus statusAfter) {
        return append(new ModelDefinitionUpdated(m.id(), m.name(), m.type(), m.visibility(), definition,
                ClientCompatibility.allClients(), statusAfter), m.owner());
    }

    public long updateReadme(Model m, String readme) {
        return append(new ModelReadmeUpdated(m.id(), m.name(), m.type(), m.visibility(), readme), m.owner());
    }

    public long submit(Model m, int round, JsonNode definition, String readme) {
        return append(new ModelSubmittedForReview(m.id(), m.name(), m.type(), m.visibility(), round, m.owner(),
                definition, readme), m.owner());
    }

    public long withdraw(Model m, int round) {
        return append(new ModelSubmissionWithdrawn(m.id(), m.name(), m.type(), m.visibility(), round), m.owner());
    }

    public long approve(Model m, int round, JsonNode definition) {
        return append(new ModelApproved(m.id(), m.name(), m.type(), m.visibility(), round, REVIEWER, definition),
                REVIEWER);
    }

    public long reject(Model m, int round, String feedback) {
        return append(new ModelRejected(m.id(), m.name(), m.type(), m.visibility(), round, REVIEWER, feedback),
                REVIEWER);
    }

    public long setExpiration(Model m, Instant expiresAt) {
        return append(new ModelExpirationDateSet(m.id(), m.name(), m.type(), m.visibility(), expiresAt), m.owner());
    }

    public long expire(Model m) {
        return append(new ModelExpired(m.id(), m.name(), m.type(), m.visibility(), ExpiryCause.MANUAL), m.owner());
    }

    public long delete(Model m) {
        return append(new ModelDeleted(m.id(), m.name(), m.type(), m.visibility()), m.owner());
    }

    /**
     * Brings a freshly registered model to {@code status} through the real event sequence.
     * @return the model's version afterwards
     */
    public long registerWithStatus(Model m, JsonNode definition, ModelStatus status) {
        switch (status) {
            case APPROVED -> {
                return register(m, definition, ModelStatus.APPROVED, null);
            }
            case PENDING_REVIEW -> {
                return register(m, definition, ModelStatus.PENDING_REVIEW, null);
            }
            case DRAFT -> {
                register(m, definition, ModelStatus.PENDING_REVIEW, null);
                return withdraw(m, 1);
            }
            case REJECTED -> {
                register(m, definition, ModelStatus.PENDING_REVIEW, null);
                return reject(m, 1, "please add a README section on licensing");
            }
            case EXPIRED -> {
                register(m, definition, ModelStatus.APPROVED, null);
                return expire(m);
            }
            case DELETED -> {
                register(m, definition, ModelStatus.APPROVED, null);
                return delete(m);
            }
            default -> throw new IllegalArgumentException(status.name());
        }
    }
}
