package io.xinference.hub.query.replay;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a rebuild folds: {@code threads} workers (the bulk writes wait on Elasticsearch, so a few more than the
 * cores keep them busy), events per worker batch (one multi-get and one bulk each), and how many recently
 * written documents each worker keeps to skip reading them back.
 */
@ConfigurationProperties("hub.rebuild")
public record RebuildSettings(Integer threads, Integer batchSize, Integer recentDocuments) {

    public RebuildSettings {
        threads = threads == null ? 4 : Math.max(1, threads);
        batchSize = batchSize == null ? 1000 : Math.max(1, batchSize);
        recentDocuments = recentDocuments == null ? 4096 : Math.max(0, recentDocuments);
    }
}
