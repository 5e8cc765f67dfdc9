package io.xinference.hub.query.pullrequests;

import io.xinference.hub.events.sync.RepositorySyncPullRequestOpened;
import io.xinference.hub.events.sync.RepositorySyncPullRequestUpdated;
import io.xinference.hub.query.catalogue.CatalogueProjection;
import io.xinference.hub.query.elasticsearch.DocumentReader;
import io.xinference.hub.query.elasticsearch.HubIndices;
import io.xinference.hub.query.elasticsearch.PendingWrites;
import io.xinference.hub.query.elasticsearch.ProjectionWriter;
import io.xinference.hub.query.elasticsearch.VersionedDocument;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The pull-request links of the model page, from the command side's repository sync. Part of the catalogue's
 * processing group (it is catalogue data); written to its own index because sync events carry no aggregate
 * sequence: their version is the event stream position, which never matches a model's sequence numbers.
 */
@Component
@ProcessingGroup(CatalogueProjection.PROCESSING_GROUP)
public class PullRequestProjection {

    private final HubIndices indices;
    private final DocumentReader reader;
    private final ProjectionWriter writer;

    public PullRequestProjection(HubIndices indices, DocumentReader reader, ProjectionWriter writer) {
        this.indices = indices;
        this.reader = reader;
        this.writer = writer;
    }

    @EventHandler
    public void on(RepositorySyncPullRequestOpened event, @Timestamp Instant at, TrackingToken token) {
        upsert(event.modelId(), event.modelName(), event.modelType(), event.repository(), event.number(),
                event.url(), event.branch(), event.title(), "OPENED", at, token);
    }

    @EventHandler
    public void on(RepositorySyncPullRequestUpdated event, @Timestamp Instant at, TrackingToken token) {
        upsert(event.modelId(), event.modelName(), event.modelType(), event.repository(), event.number(),
                event.url(), event.branch(), event.title(), "UPDATED", at, token);
    }

    private void upsert(String modelId, String modelName, io.xinference.hub.events.ModelType type, String repository,
                        int number, String url, String branch, String title, String action, Instant at,
                        TrackingToken token) {
        long position = token == null ? 0 : token.position().orElse(0);
        String id = modelId + "#" + number;
        PendingWrites<PullRequestDocument> pending = PendingWrites.forCurrentBatch("pull-requests", writer::write);
        PullRequestDocument current = pending.get(id).map(VersionedDocument::body)
                .orElseGet(() -> reader.find(indices.pullRequests(), id, PullRequestDocument.class).orElse(null));
        if (current != null && current.position() >= position) {
            return;
        }
        Instant openedAt = current == null ? at : current.openedAt();
        PullRequestDocument next = new PullRequestDocument(id, modelId, modelName, type, repository, number, url,
                branch, title, action, openedAt, at, position);
        pending.put(new VersionedDocument<>(indices.pullRequests(), id, position, next));
    }
}
