package io.xinference.hub.query.pullrequests;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.xinference.hub.query.elasticsearch.HubIndices;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/** A model's pull requests, newest first, for its detail page. */
@Component
public class PullRequests {

    private static final int MAX = 50;

    private final ElasticsearchClient client;
    private final HubIndices indices;

    public PullRequests(ElasticsearchClient client, HubIndices indices) {
        this.client = client;
        this.indices = indices;
    }

    public List<PullRequestDocument> of(String modelId) {
        try {
            return client.search(s -> s.index(indices.pullRequests())
                            .query(q -> q.term(t -> t.field("modelId").value(modelId)))
                            .sort(o -> o.field(f -> f.field("number").order(SortOrder.Desc))).size(MAX),
                    PullRequestDocument.class).hits().hits().stream().map(Hit::source).filter(Objects::nonNull)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("pull request lookup failed", e);
        }
    }
}
