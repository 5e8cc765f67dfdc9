package io.xinference.hub.query.catalogue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.query.elasticsearch.HubIndices;
import io.xinference.hub.query.visibility.VisibilityFilter;
import io.xinference.hub.query.web.SearchCursor;
import io.xinference.hub.security.CurrentUser;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Catalogue search in one Elasticsearch request: the caller's visibility filter, the requested filters, full
 * text ({@link RelevanceQuery}) with highlights, the sort with {@code search_after}, and the facet aggregations — all
 * over the same query, so counts never include a model the caller could not open.
 */
@Component
public class CatalogueSearch {

    /** Facet name in the API → indexed field. */
    static final Map<String, String> FACETS = facets();
    private static final int FACET_SIZE = 50;
    private static final List<String> SUMMARY_EXCLUDES =
            List.of("definition", "readme", "reviewRounds", "pullRequests", "compatibility", "nameWords");

    private final ElasticsearchClient client;
    private final HubIndices indices;

    public CatalogueSearch(ElasticsearchClient client, HubIndices indices) {
        this.client = client;
        this.indices = indices;
    }

    public SearchPage search(CatalogueFilters filters, CurrentUser user, boolean ownOnly) {
        Query query = query(filters, user, ownOnly);
        List<co.elastic.clients.elasticsearch._types.SortOptions> sort = filters.sort().options();
        SearchRequest.Builder request = new SearchRequest.Builder().index(indices.catalogue()).query(query)
                .size(filters.size()).sort(sort).trackTotalHits(t -> t.enabled(true))
                .source(s -> s.filter(f -> f.excludes(SUMMARY_EXCLUDES)));
        if (filters.text() != null) {
            request.highlight(RelevanceQuery.highlight());
        }
        if (filters.cursor() != null) {
            request.searchAfter(SearchCursor.decode(filters.cursor(), sort.size()));
        }
        FACETS.forEach((name, field) -> request.aggregations(name,
                Aggregation.of(a -> a.terms(t -> t.field(field).size(FACET_SIZE)))));
        SearchResponse<CatalogueDocument> response = execute(request.build());
        List<Hit<CatalogueDocument>> hits = response.hits().hits();
        String nextCursor = hits.size() == filters.size() && !hits.isEmpty()
                ? SearchCursor.encode(hits.get(hits.size() - 1).sort()) : null;
        return new SearchPage(hits.stream().map(hit -> ModelSummary.of(hit.source(), highlights(hit, filters.text()))).toList(),
                response.hits().total() == null ? hits.size() : response.hits().total().value(),
                facets(response.aggregations()), nextCursor);
    }

    /**
     * Names that complete what the caller is typing, best first: the search's name tiers over the models the
     * caller may see (deleted ones excluded), without abilities, description or README.
     */
    public List<Suggestion> suggest(String text, CurrentUser user, int size) {
        BoolQuery.Builder bool = new BoolQuery.Builder().filter(VisibilityFilter.forUser(user))
                .mustNot(q -> q.term(t -> t.field("status").value(ModelStatus.DELETED.name())))
                .must(RelevanceQuery.namesOnly(text));
        SearchRequest request = new SearchRequest.Builder().index(indices.catalogue())
                .query(q -> q.bool(bool.build())).size(size).sort(CatalogueSort.RELEVANCE.options())
                .source(s -> s.filter(f -> f.includes("modelName", "modelType"))).build();
        return execute(request).hits().hits().stream().map(hit -> {
            String name = hit.source().modelName();
            String marked = RelevanceQuery.markName(name, text);
            return new Suggestion(name, hit.source().modelType(), marked == null ? name : marked);
        }).toList();
    }

    /** A suggested name; {@code highlighted} marks the typed parts between U+E000 and U+E001. */
    public record Suggestion(String modelName, io.xinference.hub.events.ModelType modelType, String highlighted) {
    }

    /** A text search's highlights: the name marked here, description and README fragments from Elasticsearch. */
    private static Map<String, List<String>> highlights(Hit<CatalogueDocument> hit, String text) {
        if (text == null) {
            return Map.of();
        }
        Map<String, List<String>> highlights = new LinkedHashMap<>();
        String name = RelevanceQuery.markName(hit.source().modelName(), text);
        if (name != null) {
            highlights.put("modelName", List.of(name));
        }
        highlights.putAll(hit.highlight());
        return highlights;
    }

    /**
     * Offset paging for the Xinference listing ({@code page}/{@code pageSize}); whole documents, definitions
     * included. {@code from + size} stays under Elasticsearch's 10,000 result window (checked by the caller).
     */
    public PageOfDocuments page(CatalogueFilters filters, CurrentUser user, int from) {
        SearchRequest request = new SearchRequest.Builder().index(indices.catalogue())
                .query(query(filters, user, false)).sort(filters.sort().options()).from(from).size(filters.size())
                .trackTotalHits(t -> t.enabled(true)).build();
        SearchResponse<CatalogueDocument> response = execute(request);
        return new PageOfDocuments(response.hits().hits().stream().map(Hit::source).toList(),
                response.hits().total() == null ? 0 : response.hits().total().value());
    }

    public record PageOfDocuments(List<CatalogueDocument> documents, long total) {
    }

    /** Visible to the caller, matching the filters; deleted models only when the status filter asks for them. */
    static Query query(CatalogueFilters filters, CurrentUser user, boolean ownOnly) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        bool.filter(VisibilityFilter.forUser(user));
        if (ownOnly) {
            bool.filter(q -> q.term(t -> t.field("owner.subject").value(user.subject())));
        }
        terms(bool, "modelType", filters.types(), type -> type.wire());
        terms(bool, "abilities", filters.abilities(), Function.identity());
        terms(bool, "languages", filters.languages(), Function.identity());
        terms(bool, "formats", filters.formats(), Function.identity());
        terms(bool, "visibility", filters.visibilities(), Enum::name);
        if (filters.statuses().isEmpty()) {
            bool.mustNot(q -> q.term(t -> t.field("status").value(ModelStatus.DELETED.name())));
        } else {
            terms(bool, "status", filters.statuses(), Enum::name);
        }
        if (filters.owner() != null) {
            bool.filter(q -> q.bool(b -> b.minimumShouldMatch("1")
                    .should(s -> s.term(t -> t.field("owner.username").value(filters.owner())))
                    .should(s -> s.term(t -> t.field("owner.subject").value(filters.owner())))));
        }
        if (filters.minSize() != null || filters.maxSize() != null) {
            bool.filter(q -> q.range(r -> r.number(n -> {
                n.field("sizesInBillions");
                if (filters.minSize() != null) n.gte(filters.minSize());
                if (filters.maxSize() != null) n.lte(filters.maxSize());
                return n;
            })));
        }
        if (filters.text() != null) {
            bool.must(RelevanceQuery.of(filters.text()));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    private static <T> void terms(BoolQuery.Builder bool, String field, List<T> values, Function<T, String> wire) {
        if (values == null || values.isEmpty()) {
            return;
        }
        List<FieldValue> fieldValues = values.stream().map(v -> FieldValue.of(wire.apply(v))).toList();
        bool.filter(q -> q.terms(t -> t.field(field).terms(v -> v.value(fieldValues))));
    }

    private static Map<String, Map<String, Long>> facets(Map<String, Aggregate> aggregations) {
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        FACETS.keySet().forEach(name -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            Aggregate aggregate = aggregations.get(name);
            if (aggregate != null && aggregate.isSterms()) {
                aggregate.sterms().buckets().array().forEach(b -> counts.put(b.key().stringValue(), b.docCount()));
            }
            facets.put(name, counts);
        });
        return facets;
    }

    private SearchResponse<CatalogueDocument> execute(SearchRequest request) {
        try {
            return client.search(request, CatalogueDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException("catalogue search failed", e);
        }
    }

    private static Map<String, String> facets() {
        Map<String, String> facets = new LinkedHashMap<>();
        facets.put("type", "modelType");
        facets.put("ability", "abilities");
        facets.put("language", "languages");
        facets.put("format", "formats");
        facets.put("status", "status");
        facets.put("visibility", "visibility");
        return facets;
    }
}
