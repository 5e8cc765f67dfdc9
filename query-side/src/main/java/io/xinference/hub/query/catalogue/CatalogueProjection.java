package io.xinference.hub.query.catalogue;

import io.xinference.hub.events.ModelEvent;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.query.elasticsearch.DocumentReader;
import io.xinference.hub.query.elasticsearch.HubIndices;
import io.xinference.hub.query.elasticsearch.ProjectionWriter;
import io.xinference.hub.query.elasticsearch.VersionedDocument;
import io.xinference.hub.query.projection.ModelReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Projects every model event into the catalogue index (one document per model). Reads the current document
 * (from this batch's pending writes, else a real-time GET), folds the event in with {@link CatalogueApplier},
 * and leaves the write to the batch's single bulk request. Once written, it tells the Xinference download
 * bodies which model types changed.
 */
@Component
@ProcessingGroup(CatalogueProjection.PROCESSING_GROUP)
public class CatalogueProjection {

    public static final String PROCESSING_GROUP = "catalogue";
    /** The catalogue read model, declared once for this projection and its rebuild. */
    public static final ModelReadModel<CatalogueDocument> READ_MODEL = new ModelReadModel<>(PROCESSING_GROUP,
            HubIndices.CATALOGUE, CatalogueDocument.class, CatalogueApplier::apply, CatalogueDocument::version);

    private final HubIndices indices;
    private final DocumentReader reader;
    private final ProjectionWriter writer;
    private final ApplicationEventPublisher publisher;

    public CatalogueProjection(HubIndices indices, DocumentReader reader, ProjectionWriter writer,
                               ApplicationEventPublisher publisher) {
        this.indices = indices;
        this.reader = reader;
        this.writer = writer;
        this.publisher = publisher;
    }

    /** Public so a replay can be simulated out of order in tests; Axon calls it for every model event. */
    @EventHandler
    public void on(ModelEvent event, DomainEventMessage<?> message) {
        READ_MODEL.project(event, message, indices.catalogue(), reader, this::flush);
    }

    private void flush(List<VersionedDocument<CatalogueDocument>> documents) {
        if (documents.isEmpty()) {
            return;
        }
        writer.write(documents);
        Set<ModelType> types = EnumSet.noneOf(ModelType.class);
        documents.forEach(document -> types.add(document.body().modelType()));
        // the documents are in Elasticsearch now, whatever happens to the token: readers may rebuild from them
        publisher.publishEvent(new CatalogueChanged(types));
    }

    /** Catalogue documents of these model types were written. */
    public record CatalogueChanged(Set<ModelType> modelTypes) {
    }
}
