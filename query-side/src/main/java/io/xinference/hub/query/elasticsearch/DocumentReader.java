package io.xinference.hub.query.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Real-time reads by id (a GET sees the latest write without waiting for a refresh), with a short retry:
 * projections read the current document before applying an event, and a transient failure there should not
 * dead-letter an event that would apply fine a moment later.
 */
@Component
public class DocumentReader {

    static final int ATTEMPTS = 3;
    private static final long BACKOFF_MILLIS = 200;

    private final ElasticsearchClient client;

    public DocumentReader(ElasticsearchClient client) {
        this.client = client;
    }

    public <T> Optional<T> find(String index, String id, Class<T> type) {
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                GetResponse<T> response = client.get(g -> g.index(index).id(id), type);
                return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
            } catch (IOException e) {
                last = e;
                sleep(BACKOFF_MILLIS * attempt);
            }
        }
        throw new UncheckedIOException("cannot read " + index + "/" + id + " after " + ATTEMPTS + " attempts", last);
    }

    /**
     * Real-time reads of many documents in one multi-get (a rebuild reads a whole batch's documents at once
     * rather than one request per document); ids not found are absent from the answer.
     */
    public <T> Map<String, T> findAll(String index, Collection<String> ids, Class<T> type) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<String> idList = List.copyOf(ids);
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                Map<String, T> found = new HashMap<>();
                client.mget(m -> m.index(index).ids(idList), type).docs().forEach(doc -> {
                    if (doc.isResult() && doc.result().found() && doc.result().source() != null) {
                        found.put(doc.result().id(), doc.result().source());
                    } else if (doc.isFailure()) {
                        throw new UncheckedIOException(new IOException("cannot read " + index + "/"
                                + doc.failure().id() + ": " + doc.failure().error().reason()));
                    }
                });
                return found;
            } catch (IOException e) {
                last = e;
                sleep(BACKOFF_MILLIS * attempt);
            }
        }
        throw new UncheckedIOException("cannot read " + ids.size() + " documents of " + index + " after "
                + ATTEMPTS + " attempts", last);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a read", e);
        }
    }
}
