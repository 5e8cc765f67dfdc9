package io.xinference.hub.query.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.query.elasticsearch.DocumentReader;
import io.xinference.hub.query.elasticsearch.HubIndices;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Single models, regardless of who asks (callers apply {@link io.xinference.hub.security.ModelGrants}
 * themselves, because the Xinference API must tell "private" (403) from "absent" (404)).
 */
@Component
public class CatalogueReader {

    private final ElasticsearchClient client;
    private final HubIndices indices;
    private final DocumentReader reader;

    public CatalogueReader(ElasticsearchClient client, HubIndices indices, DocumentReader reader) {
        this.client = client;
        this.indices = indices;
        this.reader = reader;
    }

    /** Real-time: sees the latest projected version without waiting for a refresh. */
    public Optional<CatalogueDocument> byId(String modelId) {
        return reader.find(indices.catalogue(), modelId, CatalogueDocument.class);
    }

    /**
     * The model currently holding a name: a live one if any, else the most recently changed deleted one (a
     * deleted model frees its name, so several documents may share it).
     */
    public Optional<CatalogueDocument> byName(String modelName) {
        try {
            List<CatalogueDocument> found = client.search(s -> s.index(indices.catalogue())
                            .query(q -> q.term(t -> t.field("modelName").value(modelName)))
                            .sort(o -> o.field(f -> f.field("updatedAt").order(SortOrder.Desc))).size(20),
                    CatalogueDocument.class).hits().hits().stream().map(Hit::source).filter(Objects::nonNull)
                    .toList();
            return found.stream().min(Comparator.comparing(d -> d.status() == ModelStatus.DELETED));
        } catch (IOException e) {
            throw new UncheckedIOException("catalogue lookup failed", e);
        }
    }
}
