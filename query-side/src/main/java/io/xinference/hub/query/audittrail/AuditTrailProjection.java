package io.xinference.hub.query.audittrail;

import io.xinference.hub.events.ModelEvent;
import io.xinference.hub.query.elasticsearch.HubIndices;
import io.xinference.hub.query.elasticsearch.PendingWrites;
import io.xinference.hub.query.elasticsearch.ProjectionWriter;
import io.xinference.hub.query.elasticsearch.VersionedDocument;
import io.xinference.hub.query.projection.EventFacts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import io.xinference.hub.events.sync.RepositorySyncEvent;
import io.xinference.hub.events.user.UserAccountEvent;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

/**
 * One audit document per event — model events, repository sync outcomes, account settings — append-only. The id is the event's place in its model's history and the
 * version its sequence number, so a redelivered event overwrites nothing (409, a no-op).
 */
@Component
@ProcessingGroup(AuditTrailProjection.PROCESSING_GROUP)
public class AuditTrailProjection {

    public static final String PROCESSING_GROUP = "audit-trail";

    private final HubIndices indices;
    private final ProjectionWriter writer;

    public AuditTrailProjection(HubIndices indices, ProjectionWriter writer) {
        this.indices = indices;
        this.writer = writer;
    }

    /** Public so a replay can be simulated out of order in tests; Axon calls it for every model event. */
    @EventHandler
    public void on(ModelEvent event, DomainEventMessage<?> message) {
        AuditEntry entry = AuditEntries.of(event, EventFacts.of(message));
        write(entry, entry.sequence());
    }

    @EventHandler
    public void on(RepositorySyncEvent event, EventMessage<?> message, TrackingToken token) {
        long position = token == null ? 0 : token.position().orElse(0);
        EventFacts facts = EventFacts.of(message);
        write(AuditEntries.of(event, message.getIdentifier(), position, message.getTimestamp(), facts.actor(),
                facts.correlationId(), facts.requestId()), Math.max(position, 1));
    }

    @EventHandler
    public void on(UserAccountEvent event, DomainEventMessage<?> message) {
        AuditEntry entry = AuditEntries.of(event, message.getAggregateIdentifier(), EventFacts.of(message));
        write(entry, entry.sequence());
    }

    private void write(AuditEntry entry, long version) {
        PendingWrites.<AuditEntry>forCurrentBatch(PROCESSING_GROUP, writer::write)
                .put(new VersionedDocument<>(indices.auditTrail(), entry.entryId(), version, entry));
    }
}
