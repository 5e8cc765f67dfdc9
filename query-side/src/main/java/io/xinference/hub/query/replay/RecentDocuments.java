package io.xinference.hub.query.replay;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The documents a rebuild worker wrote last, least recently used dropped first. A model's events lie close
 * together in the store, so its next event usually finds its document here instead of asking Elasticsearch.
 * Exact, not a guess: during the build only this worker writes these documents.
 */
final class RecentDocuments {

    private final Map<String, Object> documents;

    RecentDocuments(int capacity) {
        this.documents = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    Object get(String id) {
        return documents.get(id);
    }

    boolean contains(String id) {
        return documents.containsKey(id);
    }

    void put(String id, Object document) {
        documents.put(id, document);
    }
}
