package io.xinference.hub.query.replay;

import io.xinference.hub.events.ModelEvent;
import io.xinference.hub.query.elasticsearch.IndexDefinition;
import io.xinference.hub.query.projection.EventFacts;
import io.xinference.hub.query.projection.ModelReadModel;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.Optional;

/** The rebuild of a {@link ModelReadModel}: the same fold its live projection applies, one document per model. */
public class ModelReadModelFold<D> implements RebuildFold {

    private final ModelReadModel<D> readModel;

    public ModelReadModelFold(ModelReadModel<D> readModel) {
        this.readModel = readModel;
    }

    @Override
    public String projection() {
        return readModel.processingGroup();
    }

    @Override
    public IndexDefinition index() {
        return readModel.index();
    }

    @Override
    public void apply(TrackedEventMessage<?> message, Documents documents) {
        if (message instanceof DomainEventMessage<?> domain && message.getPayload() instanceof ModelEvent event) {
            D current = documents.get(event.modelId(), readModel.documentType()).orElse(null);
            readModel.fold().apply(current, event, EventFacts.of(domain))
                    .ifPresent(next -> documents.put(event.modelId(), readModel.version().applyAsLong(next), next));
        }
    }

    @Override
    public Optional<DocumentToRead> documentToRead(TrackedEventMessage<?> message) {
        return message.getPayload() instanceof ModelEvent event
                ? Optional.of(new DocumentToRead(event.modelId(), readModel.documentType()))
                : Optional.empty();
    }
}
