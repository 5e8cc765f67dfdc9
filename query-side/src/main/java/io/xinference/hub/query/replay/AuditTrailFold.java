package io.xinference.hub.query.replay;

import io.xinference.hub.events.ModelEvent;
import io.xinference.hub.events.sync.RepositorySyncEvent;
import io.xinference.hub.events.user.UserAccountEvent;
import io.xinference.hub.query.audittrail.AuditEntries;
import io.xinference.hub.query.audittrail.AuditEntry;
import io.xinference.hub.query.audittrail.AuditTrailProjection;
import io.xinference.hub.query.elasticsearch.HubIndices;
import io.xinference.hub.query.elasticsearch.IndexDefinition;
import io.xinference.hub.query.projection.EventFacts;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.stereotype.Component;

/**
 * The audit trail: one document per event, with the ids and versions {@link AuditTrailProjection} gives them
 * (model and account events: their sequence; repository sync events: their stream position).
 */
@Component
public class AuditTrailFold implements RebuildFold {

    @Override
    public String projection() {
        return AuditTrailProjection.PROCESSING_GROUP;
    }

    @Override
    public IndexDefinition index() {
        return HubIndices.AUDIT_TRAIL;
    }

    @Override
    public void apply(TrackedEventMessage<?> message, Documents documents) {
        Object payload = message.getPayload();
        if (payload instanceof ModelEvent event && message instanceof DomainEventMessage<?> domain) {
            AuditEntry entry = AuditEntries.of(event, EventFacts.of(domain));
            documents.put(entry.entryId(), entry.sequence(), entry);
        } else if (payload instanceof UserAccountEvent event && message instanceof DomainEventMessage<?> domain) {
            AuditEntry entry = AuditEntries.of(event, domain.getAggregateIdentifier(), EventFacts.of(domain));
            documents.put(entry.entryId(), entry.sequence(), entry);
        } else if (payload instanceof RepositorySyncEvent event) {
            long position = message.trackingToken() == null ? 0 : message.trackingToken().position().orElse(0);
            EventFacts facts = EventFacts.of(message);
            AuditEntry entry = AuditEntries.of(event, message.getIdentifier(), position, message.getTimestamp(),
                    facts.actor(), facts.correlationId(), facts.requestId());
            documents.put(entry.entryId(), Math.max(position, 1), entry);
        }
    }
}
