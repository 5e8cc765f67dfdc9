package io.xinference.hub.query.elasticsearch;

import org.springframework.stereotype.Component;

/** The read models' indices, resolved against the configured prefix. */
@Component
public class HubIndices {

    public static final IndexDefinition CATALOGUE = new IndexDefinition("catalogue", 2);
    public static final IndexDefinition REVIEW_QUEUE = new IndexDefinition("review-queue", 1);
    public static final IndexDefinition AUDIT_TRAIL = new IndexDefinition("audit-trail", 1);
    public static final IndexDefinition PULL_REQUESTS = new IndexDefinition("pull-requests", 1);

    private final String prefix;

    public HubIndices(ElasticsearchProperties properties) {
        this.prefix = properties.indexPrefix();
    }

    public String catalogue() {
        return CATALOGUE.alias(prefix);
    }

    public String reviewQueue() {
        return REVIEW_QUEUE.alias(prefix);
    }

    public String auditTrail() {
        return AUDIT_TRAIL.alias(prefix);
    }

    public String pullRequests() {
        return PULL_REQUESTS.alias(prefix);
    }

    public String prefix() {
        return prefix;
    }
}
