package io.xinference.hub.query.xinference;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.names.ModelNameGrammar;
import io.xinference.hub.query.catalogue.CatalogueDocument;
import io.xinference.hub.query.elasticsearch.HubIndices;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the catalogue index for download bodies: refreshes first (the body is rebuilt right after a write), then
 * pages through with {@code search_after}, so any number of models fits.
 */
@Component
public class ElasticsearchDownloadSource implements DownloadSource {

    private static final int PAGE = 500;
    private static final List<SortOptions> SORT = List.of(
            SortOptions.of(s -> s.field(f -> f.field("nameSort").order(SortOrder.Asc))),
            SortOptions.of(s -> s.field(f -> f.field("modelId").order(SortOrder.Asc))));

    private final ElasticsearchClient client;
    private final HubIndices indices;

    public ElasticsearchDownloadSource(ElasticsearchClient client, HubIndices indices) {
        this.client = client;
        this.indices = indices;
    }

    @Override
    public List<CatalogueDocument> approvedPublic(ModelType type) {
        try {
            client.indices().refresh(r -> r.index(indices.catalogue()));
            List<CatalogueDocument> documents = new ArrayList<>();
            List<FieldValue> after = null;
            while (true) {
                SearchRequest.Builder request = new SearchRequest.Builder().index(indices.catalogue())
                        .query(q -> q.bool(b -> b
                                .filter(f -> f.term(t -> t.field("modelType").value(type.wire())))
                                .filter(f -> f.term(t -> t.field("status").value(ModelStatus.APPROVED.name())))
                                .filter(f -> f.term(t -> t.field("visibility").value(Visibility.PUBLIC.name())))))
                        .sort(SORT).size(PAGE)
                        .source(s -> s.filter(f -> f.excludes("readme", "reviewRounds")));
                if (after != null) {
                    request.searchAfter(after);
                }
                List<Hit<CatalogueDocument>> hits = client.search(request.build(), CatalogueDocument.class)
                        .hits().hits();
                // a name outside the grammar (stored before it was enforced) never reaches Xinference, which builds
                // file paths from names; the admins' name check lists such models
                hits.stream().map(Hit::source).filter(Objects::nonNull)
                        .filter(d -> ModelNameGrammar.isValid(d.modelName())).forEach(documents::add);
                if (hits.size() < PAGE) {
                    return documents;
                }
                after = hits.get(hits.size() - 1).sort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + type.wire() + " models", e);
        }
    }

    /** Sum of document versions plus document count per type: grows with every event, never repeats. */
    @Override
    public Map<String, Double> changeSignatures() {
        try {
            SearchResponse<Void> response = client.search(s -> s.index(indices.catalogue()).size(0)
                    .aggregations("types", a -> a.terms(t -> t.field("modelType").size(20))
                            .aggregations("versions", v -> v.sum(sum -> sum.field("version")))), Void.class);
            Map<String, Double> signatures = new HashMap<>();
            for (StringTermsBucket bucket : response.aggregations().get("types").sterms().buckets().array()) {
                signatures.put(bucket.key().stringValue(),
                        bucket.aggregations().get("versions").sum().value() + bucket.docCount());
            }
            return signatures;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalogue's change signatures", e);
        }
    }
}
