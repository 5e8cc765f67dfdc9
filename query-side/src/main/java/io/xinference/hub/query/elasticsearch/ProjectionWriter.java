package io.xinference.hub.query.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Writes a batch of documents in one bulk request, each with {@code version_type=external}: Elasticsearch keeps
 * a document only if its version is greater than the stored one, so a replayed, duplicated or late event can
 * never regress a document. A 409 (version conflict) means "a newer or equal version is already there" and is a
 * no-op; any other item failure fails the whole batch so the processor retries it (nothing is half-applied from
 * the token's point of view, since re-applying is harmless).
 */
@Component
public class ProjectionWriter {

    /** Bulk requests above this many operations are split (Elasticsearch's guidance: 100–1000 per request). */
    static final int MAX_OPERATIONS = 500;

    private final ElasticsearchClient client;

    public ProjectionWriter(ElasticsearchClient client) {
        this.client = client;
    }

    public void write(Collection<? extends VersionedDocument<?>> documents) {
        List<VersionedDocument<?>> all = new ArrayList<>(documents);
        for (int from = 0; from < all.size(); from += MAX_OPERATIONS) {
            writeChunk(all.subList(from, Math.min(all.size(), from + MAX_OPERATIONS)));
        }
    }

    private void writeChunk(List<VersionedDocument<?>> documents) {
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
        for (BulkResponseItem item : response.items()) {
            if (item.error() != null && item.status() != 409) {
                failures.add(item.index() + "/" + item.id() + ": " + item.status() + " " + item.error().reason());
            }
        }
        if (!failures.isEmpty()) {
            throw new ProjectionWriteException("Elasticsearch refused " + failures.size() + " document(s): "
                    + String.join("; ", failures));
        }
    }

    public static class ProjectionWriteException extends RuntimeException {
        public ProjectionWriteException(String message) {
            super(message);
        }
    }
}
