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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds one read model from the event store into a fresh index, then moves the alias to it.
 *
 * <ol>
 *   <li>Building: a fresh index; the store is streamed from the start (through the upcasters, as the processor
 *   sees it) up to the head position taken at the start, folded with the projection's own pure fold
 *   ({@link RebuildFold}) by several workers, each owning a share of the aggregates ({@link ParallelFolding}),
 *   and bulk-written with external versions into an index without refresh or replicas until the swap. The live
 *   projection keeps serving and writing the old index.</li>
 *   <li>Swapping: the rebuild's row says SWAPPING, which pauses this projection's processor on every other
 *   query instance ({@link SwapPauses}); the live processor here is shut down too. Once no other instance holds
 *   a valid claim on a segment (paused instances release theirs; a killed instance's claims count until the
 *   token store's claim timeout), every event before the head is in the old index and nobody writes to it any
 *   more: the rebuild folds in what arrived since, up to the new head, the alias moves to the fresh index in one
 *   atomic request, and the processors start again everywhere. They resume from their tokens and write through
 *   the alias into the fresh index; events the rebuild already applied are skipped by version. Readers see the
 *   old index up to the swap and the complete new one after. The pause lasts the final catch-up plus the time
 *   the other instances take to notice (about a second), or up to the claim timeout if an instance was killed
 *   just before.</li>
 * </ol>
 *
 * Failure: a rebuild that is cancelled, fails or is taken over deletes its fresh index; the alias never points
 * at a half-built one. If its instance dies, another instance (or the restarted one) takes the rebuild over
 * after {@code hub.rebuild.stale-after} and restarts it from the start ({@link Rebuilds}). The old index is kept
 * (listed in the status) for comparison or rollback.
 */
@Component
public class ProjectionRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);
    private static final Duration CLAIM_RELEASE_GRACE = Duration.ofSeconds(30);

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final FreshIndex freshIndex;
    private final ElasticsearchProperties properties;
    private final DocumentReader reader;
    private final ProjectionWriter writer;
    private final ApplicationEventPublisher publisher;
    private final RebuildRegistry registry;
    private final Duration claimTimeout;
    private final RebuildSettings settings;

    public ProjectionRebuilder(EventStore eventStore, EventProcessingConfiguration processing, FreshIndex freshIndex,
                               ElasticsearchProperties properties, DocumentReader reader, ProjectionWriter writer,
                               ApplicationEventPublisher publisher, RebuildRegistry registry, RebuildSettings settings,
                               @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        this.registry = registry;
        this.claimTimeout = claimTimeout;
        this.settings = settings;
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
        registry.heartbeat(rebuild);
        boolean swapped = false;
        try {
            swapped = build(rebuild, fold, alias, index);
        } finally {
            if (!swapped) {
                // cancelled, failed or taken over: a half-built index is never left to be mistaken for a rebuilt one
                deleteQuietly(index);
            }
        }
        if (!swapped) {
            rebuild.finish(Rebuild.Phase.CANCELLED, rebuild.isLost() ? "taken over by another instance" : null);
            return;
        }
        if (fold.projection().equals(CatalogueProjection.PROCESSING_GROUP)) {
            // the Xinference download bodies were prepared from the old index
            publisher.publishEvent(new CatalogueProjection.CatalogueChanged(EnumSet.allOf(ModelType.class)));
        }
        rebuild.finish(Rebuild.Phase.DONE, null);
    }

    /** @return true when the alias moved to {@code index}, false when cancelled while building */
    private boolean build(Rebuild rebuild, RebuildFold fold, String alias, String index) throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null);
             ParallelFolding folding = new ParallelFolding(index, rebuild, fold, reader, writer, settings)) {
            long head = position(eventStore.createHeadToken());
            rebuild.total(head);
            if (!folding.until(stream, head)) {
                return false;
            }
            rebuild.phase(Rebuild.Phase.SWAPPING);
            if (!registry.heartbeat(rebuild)) {
                throw new IllegalStateException("rebuild " + rebuild.id() + " was taken over by another instance");
            }
            // from here every other instance pauses its processor of this projection (SwapPauses)
            StreamingEventProcessor live = processing.eventProcessorByProcessingGroup(fold.projection(),
                    StreamingEventProcessor.class).orElseThrow();
            live.shutdownAsync().get(2, TimeUnit.MINUTES);
            try {
                for (int round = 1; ; round++) {
                    awaitNoOtherClaims(fold.projection());
                    long finalHead = position(eventStore.createHeadToken());
                    rebuild.total(finalHead);
                    folding.untilIgnoringCancel(stream, finalHead);
                    // an instance that started during the catch-up may have claimed a segment before it paused
                    List<String> claims = registry.claimsOfOthers(fold.projection(), claimTimeout);
                    if (claims.isEmpty()) {
                        break;
                    }
                    if (round == 3) {
                        throw new IllegalStateException("other instances keep claiming " + fold.projection()
                                + " during the swap: " + claims);
                    }
                }
                if (!registry.heartbeat(rebuild) || rebuild.isLost()) {
                    throw new IllegalStateException("rebuild " + rebuild.id() + " was taken over by another instance");
                }
                // the live processor writes here after the swap, and readers search it: live settings again
                freshIndex.readyForReaders(index);
                List<String> previous = freshIndex.indicesBehind(alias);
                rebuild.previousIndices(previous);
                freshIndex.swap(alias, previous, index);
                log.info("{} rebuilt into {} (was {})", fold.projection(), index, previous);
                return true;
            } finally {
                live.start();
            }
        }
    }

    /**
     * Waits until no other instance holds a valid claim on a segment of this processor: live instances release
     * theirs when they pause for the swap; a killed instance's claims count until they time out.
     */
    private void awaitNoOtherClaims(String processor) throws InterruptedException {
        long deadline = System.nanoTime() + claimTimeout.plus(CLAIM_RELEASE_GRACE).toNanos();
        List<String> claims = registry.claimsOfOthers(processor, claimTimeout);
        while (!claims.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("other instances did not release " + processor + " for the swap: "
                        + claims);
            }
            Thread.sleep(200);
            claims = registry.claimsOfOthers(processor, claimTimeout);
        }
    }

    /** The half-built index of a rebuild whose instance stopped, unless the alias already moved to it. */
    void discardAbandoned(RebuildFold fold, String abandonedIndex) {
        if (abandonedIndex == null) {
            return;
        }
        try {
            if (!freshIndex.indicesBehind(fold.index().alias(properties.indexPrefix())).contains(abandonedIndex)) {
                freshIndex.delete(abandonedIndex);
                log.info("deleted {}, the half-built index of a rebuild whose instance stopped", abandonedIndex);
            }
        } catch (Exception e) {
            log.warn("could not delete the abandoned index {}", abandonedIndex, e);
        }
    }

    private void deleteQuietly(String index) {
        try {
            freshIndex.delete(index);
        } catch (Exception e) {
            log.warn("could not delete {}", index, e);
        }
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }
}
