package io.xinference.hub.query.replay;

import io.xinference.hub.query.elasticsearch.IndexDefinition;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.Optional;

/**
 * How one read model is rebuilt: its processing group and index, and the fold of one event into the fresh
 * index's documents, the same pure fold its live projection applies.
 */
public interface RebuildFold {

    /** The processing group (= the projection's name in the API). */
    String projection();

    IndexDefinition index();

    void apply(TrackedEventMessage<?> message, Documents documents);

    /**
     * The document {@link #apply} will read for this event, if any, so a rebuild can fetch a whole batch's
     * documents in one request first. Documents are keyed by the event's aggregate: a rebuild folds each
     * aggregate's events on one thread, in order.
     */
    default Optional<DocumentToRead> documentToRead(TrackedEventMessage<?> message) {
        return Optional.empty();
    }

    /** A document by id, and the class it is read as. */
    record DocumentToRead(String id, Class<?> type) {
    }

    /** The fresh index's documents as the rebuild sees them: this batch's writes first, then the index. */
    interface Documents {

        <T> Optional<T> get(String id, Class<T> type);

        /** Written with {@code version} as the external version, like the live projection writes it. */
        void put(String id, long version, Object document);
    }
}
