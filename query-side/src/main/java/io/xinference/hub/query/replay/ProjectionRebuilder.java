package io.xinference.hub.query.replay;

import io.xinference.hub.events.ModelType;
import io.xinference.hub.query.catalogue.CatalogueProjection;
import io.xinference.hub.query.elasticsearch.DocumentReader;
import io.xinference.hub.query.elasticsearch.ElasticsearchProperties;
import io.xinference.hub.query.elasticsearch.ProjectionWriter;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds one read model from the event store into a fresh index, then moves the alias to it.
 *
 * <ol>
 *   <li>Building: a fresh index; the store is streamed from the start (through the upcasters, as the processor
 *   sees it) up to the head position taken at the start, folded with the projection's own pure fold
 *   ({@link RebuildFold}) by several workers, each owning a share of the aggregates ({@link ParallelFolding}), and
 *   bulk-written with external versions into an index without refresh or replicas until the swap. The live projection keeps serving and
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

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final FreshIndex freshIndex;
    private final ElasticsearchProperties properties;
    private final DocumentReader reader;
    private final ProjectionWriter writer;
    private final ApplicationEventPublisher publisher;
    private final RebuildSettings settings;

    public ProjectionRebuilder(EventStore eventStore, EventProcessingConfiguration processing, FreshIndex freshIndex,
                               ElasticsearchProperties properties, DocumentReader reader, ProjectionWriter writer,
                               ApplicationEventPublisher publisher, RebuildSettings settings) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.freshIndex = freshIndex;
        this.properties = properties;
        this.reader = reader;
        this.writer = writer;
        this.publisher = publisher;
        this.settings = settings;
    }

    void run(Rebuild rebuild, RebuildFold fold) throws Exception {
        String alias = fold.index().alias(properties.indexPrefix());
        String index = freshIndex.create(fold.index());
        rebuild.newIndex(index);
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null);
             ParallelFolding folding = new ParallelFolding(index, rebuild, fold, reader, writer, settings)) {
            long head = position(eventStore.createHeadToken());
            rebuild.total(head);
            if (!folding.until(stream, head)) {
                folding.close();
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
                // the live processor writes here after the swap, and readers search it: live settings again
                freshIndex.readyForReaders(index);
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
}
