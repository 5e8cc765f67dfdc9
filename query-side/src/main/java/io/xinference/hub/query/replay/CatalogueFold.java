package io.xinference.hub.query.replay;

import io.xinference.hub.events.ModelEvent;
import io.xinference.hub.query.catalogue.CatalogueApplier;
import io.xinference.hub.query.catalogue.CatalogueDocument;
import io.xinference.hub.query.catalogue.CatalogueProjection;
import io.xinference.hub.query.elasticsearch.HubIndices;
import io.xinference.hub.query.elasticsearch.IndexDefinition;
import io.xinference.hub.query.projection.EventFacts;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The catalogue: one document per model, folded with {@link CatalogueApplier} as {@link CatalogueProjection} does. */
@Component
public class CatalogueFold implements RebuildFold {

    @Override
    public String projection() {
        return CatalogueProjection.PROCESSING_GROUP;
    }

    @Override
    public IndexDefinition index() {
        return HubIndices.CATALOGUE;
    }

    @Override
    public void apply(TrackedEventMessage<?> message, Documents documents) {
        if (message instanceof DomainEventMessage<?> domain && message.getPayload() instanceof ModelEvent event) {
            CatalogueDocument current = documents.get(event.modelId(), CatalogueDocument.class).orElse(null);
            CatalogueApplier.apply(current, event, EventFacts.of(domain))
                    .ifPresent(next -> documents.put(next.modelId(), next.version(), next));
        }
    }

    @Override
    public Optional<DocumentToRead> documentToRead(TrackedEventMessage<?> message) {
        return message.getPayload() instanceof ModelEvent event
                ? Optional.of(new DocumentToRead(event.modelId(), CatalogueDocument.class))
                : Optional.empty();
    }
}
