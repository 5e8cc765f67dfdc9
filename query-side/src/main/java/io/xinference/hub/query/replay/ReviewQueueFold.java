package io.xinference.hub.query.replay;

import io.xinference.hub.events.ModelEvent;
import io.xinference.hub.query.elasticsearch.HubIndices;
import io.xinference.hub.query.elasticsearch.IndexDefinition;
import io.xinference.hub.query.projection.EventFacts;
import io.xinference.hub.query.reviewqueue.ReviewQueueApplier;
import io.xinference.hub.query.reviewqueue.ReviewQueueDocument;
import io.xinference.hub.query.reviewqueue.ReviewQueueProjection;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The review queue: one document per model, folded with {@link ReviewQueueApplier} as its projection does. */
@Component
public class ReviewQueueFold implements RebuildFold {

    @Override
    public String projection() {
        return ReviewQueueProjection.PROCESSING_GROUP;
    }

    @Override
    public IndexDefinition index() {
        return HubIndices.REVIEW_QUEUE;
    }

    @Override
    public void apply(TrackedEventMessage<?> message, Documents documents) {
        if (message instanceof DomainEventMessage<?> domain && message.getPayload() instanceof ModelEvent event) {
            ReviewQueueDocument current = documents.get(event.modelId(), ReviewQueueDocument.class).orElse(null);
            ReviewQueueApplier.apply(current, event, EventFacts.of(domain))
                    .ifPresent(next -> documents.put(next.modelId(), next.version(), next));
        }
    }

    @Override
    public Optional<DocumentToRead> documentToRead(TrackedEventMessage<?> message) {
        return message.getPayload() instanceof ModelEvent event
                ? Optional.of(new DocumentToRead(event.modelId(), ReviewQueueDocument.class))
                : Optional.empty();
    }
}
