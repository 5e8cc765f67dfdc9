package io.xinference.hub.query.replay;

import io.xinference.hub.events.ModelType;
import io.xinference.hub.query.catalogue.CatalogueProjection;
import io.xinference.hub.query.elasticsearch.DocumentReader;
import io.xinference.hub.query.elasticsearch.ElasticsearchProperties;
import io.xinference.hub.query.elasticsearch.ProjectionWriter;
import io.xinference.hub.query.elasticsearch.VersionedDocument;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds one read model from the event store into a fresh index, then moves the alias to it.
 *
 * <ol>
 *   <li>Building: a fresh index; the store is streamed from the start (through the upcasters, as the processor
 *   sees it) up to the head position taken at the start, folded with the projection's own pure fold
 *   ({@link RebuildFold}) and bulk-written with external versions. The live projection keeps serving and
 *   writing the old index.</li>
 *   <li>Swapping: the live processor of this instance is shut down (its token is then committed and everything
 *   before it is in the old index), the rebuild folds in what arrived since, up to the new head, the alias moves
 *   to the fresh index in one atomic request, and the processor starts again. It resumes from its token and
 *   writes through the alias into the fresh index; events the rebuild already applied are skipped by version.
 *   Readers see the old index up to the swap and the complete new one after. The pause lasts the final
 *   catch-up (normally well under a second).</li>
 * </ol>
 *
 * Limits: with several query instances, the others keep their segments and may write a model's next event on
 * top of a rebuilt document that is not complete yet: run the rebuild where the processor holds every segment
 * (a single query instance, or the others stopped for the minute). The old index is kept (listed in the status)
 * for comparison or rollback.
 */
@Component
public class ProjectionRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);
    static final int BATCH = 500;

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final FreshIndex freshIndex;
    private final ElasticsearchProperties properties;
    private final DocumentReader reader;
    private final ProjectionWriter writer;
    private final ApplicationEventPublisher publisher;

    public ProjectionRebuilder(EventStore eventStore, EventProcessingConfiguration processing, FreshIndex freshIndex,
                               ElasticsearchProperties properties, DocumentReader reader, ProjectionWriter writer,
                               ApplicationEventPublisher publisher) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.freshIndex = freshIndex;
        this.properties = properties;
        this.reader = reader;
        this.writer = writer;
        this.publisher = publisher;
    }

    void run(Rebuild rebuild, RebuildFold fold) throws Exception {
        String alias = fold.index().alias(properties.indexPrefix());
        String index = freshIndex.create(fold.index());
        rebuild.newIndex(index);
        Folding folding = new Folding(index, rebuild, fold);
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            long head = position(eventStore.createHeadToken());
            rebuild.total(head);
            if (!folding.until(stream, head)) {
                freshIndex.delete(index);
                rebuild.finish(Rebuild.Phase.CANCELLED, null);
                return;
            }
            rebuild.phase(Rebuild.Phase.SWAPPING);
            StreamingEventProcessor live = processing.eventProcessorByProcessingGroup(fold.projection(),
                    StreamingEventProcessor.class).orElseThrow();
            live.shutdownAsync().get(2, TimeUnit.MINUTES);
            try {
                long finalHead = position(eventStore.createHeadToken());
                rebuild.total(finalHead);
                folding.untilIgnoringCancel(stream, finalHead);
                List<String> previous = freshIndex.indicesBehind(alias);
                rebuild.previousIndices(previous);
                freshIndex.swap(alias, previous, index);
                log.info("{} rebuilt into {} (was {})", fold.projection(), index, previous);
            } finally {
                live.start();
            }
        }
        if (fold.projection().equals(CatalogueProjection.PROCESSING_GROUP)) {
            // the Xinference download bodies were prepared from the old index
            publisher.publishEvent(new CatalogueProjection.CatalogueChanged(EnumSet.allOf(ModelType.class)));
        }
        rebuild.finish(Rebuild.Phase.DONE, null);
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    /** The fold into the fresh index: this batch's documents first, else what the fresh index holds. */
    private final class Folding implements RebuildFold.Documents {
        private final String index;
        private final Rebuild rebuild;
        private final RebuildFold fold;
        private final Map<String, VersionedDocument<Object>> batch = new LinkedHashMap<>();
        private long position;
        private int eventsInBatch;

        Folding(String index, Rebuild rebuild, RebuildFold fold) {
            this.index = index;
            this.rebuild = rebuild;
            this.fold = fold;
        }

        /** @return false when cancelled first */
        boolean until(BlockingStream<TrackedEventMessage<?>> stream, long target) throws InterruptedException {
            return read(stream, target, true);
        }

        void untilIgnoringCancel(BlockingStream<TrackedEventMessage<?>> stream, long target)
                throws InterruptedException {
            read(stream, target, false);
        }

        private boolean read(BlockingStream<TrackedEventMessage<?>> stream, long target, boolean cancellable)
                throws InterruptedException {
            while (position < target) {
                if (cancellable && rebuild.cancelRequested()) {
                    return false;
                }
                if (!stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                TrackedEventMessage<?> message = stream.nextAvailable();
                position = position(message.trackingToken());
                try {
                    fold.apply(message, this);
                } catch (IllegalStateException e) {
                    // the live projection dead-letters such an event; a rebuild records it and goes on
                    rebuild.eventSkipped();
                    log.warn("rebuild skipped event {}: {}", message.getIdentifier(), e.getMessage());
                }
                rebuild.eventDone();
                if (++eventsInBatch >= BATCH) {
                    flush();
                }
            }
            flush();
            return true;
        }

        @Override
        public <T> Optional<T> get(String id, Class<T> type) {
            VersionedDocument<Object> pending = batch.get(id);
            return pending != null ? Optional.of(type.cast(pending.body())) : reader.find(index, id, type);
        }

        @Override
        public void put(String id, long version, Object document) {
            batch.put(id, new VersionedDocument<>(index, id, version, document));
        }

        private void flush() {
            writer.write(batch.values());
            batch.clear();
            eventsInBatch = 0;
        }
    }
}
