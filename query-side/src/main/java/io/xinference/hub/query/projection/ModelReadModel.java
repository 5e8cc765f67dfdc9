package io.xinference.hub.query.projection;

import io.xinference.hub.events.ModelEvent;
import io.xinference.hub.query.elasticsearch.DocumentReader;
import io.xinference.hub.query.elasticsearch.IndexDefinition;
import io.xinference.hub.query.elasticsearch.PendingWrites;
import io.xinference.hub.query.elasticsearch.VersionedDocument;
import org.axonframework.eventhandling.DomainEventMessage;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * One read model of model events, declared once: its processing group, its index, its document type and its pure
 * fold. The live projection ({@link #project}) and the rebuild ({@code replay.ModelReadModelFold}) are both made
 * from this descriptor, so they cannot drift apart; a new read model is one descriptor, one fold, one
 * {@code @ProcessingGroup} component that hands its events to {@link #project}, and one line in the rebuild
 * registry ({@code replay.RebuildFolds}).
 *
 * @param version the document's external version (the sequence number of the last event folded in)
 */
public record ModelReadModel<D>(String processingGroup, IndexDefinition index, Class<D> documentType, Fold<D> fold,
                                ToLongFunction<D> version) {

    /** Current document (or null) + event → next document, or empty when the event is already reflected. */
    @FunctionalInterface
    public interface Fold<D> {
        Optional<D> apply(D current, ModelEvent event, EventFacts facts);
    }

    /**
     * The live cycle: read the model's document (this batch's pending write first, else a real-time GET of the
     * alias), fold the event in, and leave the write to the batch's single bulk request ({@code flush}).
     */
    public void project(ModelEvent event, DomainEventMessage<?> message, String alias, DocumentReader reader,
                        Consumer<List<VersionedDocument<D>>> flush) {
        PendingWrites<D> pending = PendingWrites.forCurrentBatch(processingGroup, flush);
        D current = pending.get(event.modelId()).map(VersionedDocument::body)
                .orElseGet(() -> reader.find(alias, event.modelId(), documentType).orElse(null));
        fold.apply(current, event, EventFacts.of(message)).ifPresent(next -> pending.put(
                new VersionedDocument<>(alias, event.modelId(), version.applyAsLong(next), next)));
    }
}
