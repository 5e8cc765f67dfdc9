package io.xinference.hub.query.elasticsearch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where our indices live. Every alias and index name starts with {@code indexPrefix}, so several hubs (or test
 * runs) can share one cluster.
 */
@ConfigurationProperties("hub.elasticsearch")
public record ElasticsearchProperties(String indexPrefix, Integer replicas) {

    public ElasticsearchProperties {
        indexPrefix = indexPrefix == null ? "hub-" : indexPrefix;
        // "hub" and "hub-" both mean indices named hub-catalogue-v1, ...
        if (!indexPrefix.isEmpty() && !indexPrefix.endsWith("-")) {
            indexPrefix = indexPrefix + "-";
        }
        replicas = replicas == null ? 0 : replicas;
    }
}
