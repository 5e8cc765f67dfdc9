package io.xinference.hub.query.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.xinference.hub.query.projection.ProjectionFailurePolicy;
import io.xinference.hub.query.projection.TransientFailures;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a batch of documents in one bulk request, each with {@code version_type=external}: Elasticsearch keeps
 * a document only if its version is greater than the stored one, so a replayed, duplicated or late event can
 * never regress a document. Per item of the answer:
 * <ul>
 *   <li>409 (version conflict): "a newer or equal version is already there", a no-op;</li>
 *   <li>429 or 5xx: Elasticsearch overloaded or failing; the whole batch fails so the processor retries it
 *       (re-applying is harmless);</li>
 *   <li>any other 4xx: Elasticsearch refuses the document as invalid (an immense keyword, a value the mapping
 *       cannot take), and will refuse it again on every retry. Retrying the batch would block its segment for
 *       ever, so the event that produced the document is dead-lettered in its processing group's queue with
 *       Elasticsearch's reason, in the batch's transaction, and the batch commits: the segment moves on and an
 *       admin sees the parked event ({@code GET /api/admin/projections}). Where no event or queue is known (a
 *       rebuild, a write outside event processing), and in an admin's retry of a parked event, the refusal fails
 *       the write as before (the retried letter stays parked).</li>
 * </ul>
 * A model's later events are not queued behind a document parked this way (Axon's invoker remembers models with
 * nothing parked); each produces a newer version that Elasticsearch may well accept.
 */
@Component
public class ProjectionWriter {

    /** Bulk requests above this many operations are split (Elasticsearch's guidance: 100–1000 per request). */
    static final int MAX_OPERATIONS = 500;

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionWriter.class);

    private final ElasticsearchClient client;
    private final ObjectProvider<EventProcessingConfiguration> processing;

    public ProjectionWriter(ElasticsearchClient client, ObjectProvider<EventProcessingConfiguration> processing) {
        this.client = client;
        this.processing = processing;
    }

    public void write(Collection<? extends VersionedDocument<?>> documents) {
        Map<String, String> refused = writeKeepingRefusals(documents);
        if (!refused.isEmpty()) {
            throw new ProjectionWriteException("Elasticsearch refused " + refused.size() + " document(s): "
                    + String.join("; ", refused.values()));
        }
    }

    /**
     * Writes like {@link #write} but answers the documents Elasticsearch refused as invalid and that could not be
     * dead-lettered (id → Elasticsearch's reason) instead of failing. A rebuild uses it: the live projection
     * parked the events behind such documents and moved on, so the rebuild records them as skipped and moves on
     * too, instead of failing on the same document every time it is run.
     */
    public Map<String, String> writeKeepingRefusals(Collection<? extends VersionedDocument<?>> documents) {
        List<VersionedDocument<?>> all = new ArrayList<>(documents);
        Map<String, String> refused = new LinkedHashMap<>();
        for (int from = 0; from < all.size(); from += MAX_OPERATIONS) {
            writeChunk(all.subList(from, Math.min(all.size(), from + MAX_OPERATIONS)), refused);
        }
        return refused;
    }

    private void writeChunk(List<VersionedDocument<?>> documents, Map<String, String> unparked) {
        if (documents.isEmpty()) {
            return;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (VersionedDocument<?> document : documents) {
            bulk.operations(op -> op.index(index -> index.index(document.index()).id(document.id())
                    .version(document.version()).versionType(VersionType.External).document(document.body())));
        }
        BulkResponse response;
        try {
            response = client.bulk(bulk.build());
        } catch (IOException e) {
            throw new UncheckedIOException("bulk write to Elasticsearch failed", e);
        }
        if (!response.errors()) {
            return;
        }
        List<String> failures = new ArrayList<>();
        List<Integer> invalid = new ArrayList<>();
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            if (item.error() == null || item.status() == 409) {
                continue;
            }
            if (TransientFailures.retryableStatus(item.status())) {
                failures.add(describe(item));
            } else {
                invalid.add(i);
            }
        }
        if (!failures.isEmpty()) {
            throw new ProjectionWriteException("Elasticsearch could not take " + failures.size()
                    + " document(s) now: " + String.join("; ", failures));
        }
        for (int i : invalid) {
            if (!park(documents.get(i), items.get(i))) {
                unparked.put(documents.get(i).id(), describe(items.get(i)));
            }
        }
    }

    /** Dead-letters the event behind a refused document; false when there is none to park (not event processing). */
    private boolean park(VersionedDocument<?> document, BulkResponseItem item) {
        // a retry of a parked event that is refused again fails, so Axon keeps the letter where it is
        if (!CurrentUnitOfWork.isStarted() || ProjectionFailurePolicy.isDeadLetterRetry()) {
            return false;
        }
        Map<String, PendingWrites.Source> sources = CurrentUnitOfWork.get().root().getResource(PendingWrites.SOURCES);
        PendingWrites.Source source = sources == null ? null : sources.get(PendingWrites.key(document));
        EventProcessingConfiguration configuration = processing.getIfAvailable();
        Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue = source == null || configuration == null
                ? Optional.empty() : configuration.deadLetterQueue(source.group());
        if (queue.isEmpty()) {
            return false;
        }
        EventMessage<?> event = source.event();
        Object sequence = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier()
                : event.getIdentifier();
        DocumentRefused cause = new DocumentRefused(describe(item));
        Instant now = Instant.now();
        // the queue's cause column holds 1,023 characters; Elasticsearch's reason quotes the refused value
        queue.get().enqueue(sequence, new GenericDeadLetter<>(sequence, event, ThrowableCause.truncated(cause), now,
                now, MetaData.emptyInstance()));
        LOG.warn("{}: event {} dead-lettered in {} ({})", cause.getMessage(), event.getIdentifier(), source.group(),
                sequence);
        return true;
    }

    private static String describe(BulkResponseItem item) {
        return item.index() + "/" + item.id() + ": " + item.status() + " " + item.error().type() + ": "
                + item.error().reason();
    }

    /** The cause recorded with an event whose document Elasticsearch refused as invalid. */
    public static class DocumentRefused extends RuntimeException {
        DocumentRefused(String reason) {
            super("Elasticsearch refused the document " + reason);
        }
    }

    public static class ProjectionWriteException extends RuntimeException {
        public ProjectionWriteException(String message) {
            super(message);
        }
    }
}
