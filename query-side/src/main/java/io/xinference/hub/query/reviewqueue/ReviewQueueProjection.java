package io.xinference.hub.query.reviewqueue;

import io.xinference.hub.events.ModelEvent;
import io.xinference.hub.query.elasticsearch.DocumentReader;
import io.xinference.hub.query.elasticsearch.HubIndices;
import io.xinference.hub.query.elasticsearch.ProjectionWriter;
import io.xinference.hub.query.projection.ModelReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** Projects model events into the review-queue index; same read–fold–bulk-write cycle as the catalogue. */
@Component
@ProcessingGroup(ReviewQueueProjection.PROCESSING_GROUP)
public class ReviewQueueProjection {

    public static final String PROCESSING_GROUP = "review-queue";
    /** The review-queue read model, declared once for this projection and its rebuild. */
    public static final ModelReadModel<ReviewQueueDocument> READ_MODEL = new ModelReadModel<>(PROCESSING_GROUP,
            HubIndices.REVIEW_QUEUE, ReviewQueueDocument.class, ReviewQueueApplier::apply,
            ReviewQueueDocument::version);

    private final HubIndices indices;
    private final DocumentReader reader;
    private final ProjectionWriter writer;

    public ReviewQueueProjection(HubIndices indices, DocumentReader reader, ProjectionWriter writer) {
        this.indices = indices;
        this.reader = reader;
        this.writer = writer;
    }

    /** Public so a replay can be simulated out of order in tests; Axon calls it for every model event. */
    @EventHandler
    public void on(ModelEvent event, DomainEventMessage<?> message) {
        READ_MODEL.project(event, message, indices.reviewQueue(), reader, writer::write);
    }
}
