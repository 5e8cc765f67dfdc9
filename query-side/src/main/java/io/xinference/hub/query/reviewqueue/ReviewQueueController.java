package io.xinference.hub.query.reviewqueue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.swagger.v3.oas.annotations.Operation;
import io.xinference.hub.query.elasticsearch.HubIndices;
import io.xinference.hub.query.visibility.VisibilityFilter;
import io.xinference.hub.query.web.RequestLimits;
import io.xinference.hub.security.CurrentUser;
import org.springframework.security.core.Authentication;
import io.xinference.hub.query.web.SearchCursor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Pending submissions, oldest first, for reviewers (the review-list permission, checked in the security
 * configuration). Reviewers see pending public and enterprise submissions (reviewing them is the job); the
 * caller's visibility filter still applies, so nothing private ever shows here for someone else.
 */
@RestController
@RequestMapping("/api/review-queue")
public class ReviewQueueController {

    private static final List<SortOptions> SORT = List.of(
            SortOptions.of(s -> s.field(f -> f.field("submittedAt").order(SortOrder.Asc))),
            SortOptions.of(s -> s.field(f -> f.field("modelId").order(SortOrder.Asc))));

    private final ElasticsearchClient client;
    private final HubIndices indices;

    public ReviewQueueController(ElasticsearchClient client, HubIndices indices) {
        this.client = client;
        this.indices = indices;
    }

    @Operation(summary = "Pending review submissions, oldest first, with what changed since the last approval")
    @GetMapping
    public ReviewQueuePage queue(@RequestParam(required = false) String cursor,
                                 @RequestParam(required = false) Integer size,
                                 Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        int pageSize = RequestLimits.pageSize(size);
        SearchRequest.Builder request = new SearchRequest.Builder().index(indices.reviewQueue())
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("pending").value(true)))
                        .filter(VisibilityFilter.forUser(user))))
                .sort(SORT).size(pageSize)
                .trackTotalHits(t -> t.enabled(true));
        if (cursor != null && !cursor.isBlank()) {
            request.searchAfter(SearchCursor.decode(cursor, SORT.size()));
        }
        try {
            SearchResponse<ReviewQueueDocument> response = client.search(request.build(), ReviewQueueDocument.class);
            List<Hit<ReviewQueueDocument>> hits = response.hits().hits();
            return new ReviewQueuePage(hits.stream().map(Hit::source).toList(),
                    response.hits().total() == null ? hits.size() : response.hits().total().value(),
                    hits.size() == pageSize ? SearchCursor.encode(hits.get(hits.size() - 1).sort()) : null);
        } catch (IOException e) {
            throw new UncheckedIOException("review queue search failed", e);
        }
    }

    public record ReviewQueuePage(List<ReviewQueueDocument> items, long total, String nextCursor) {
    }
}
