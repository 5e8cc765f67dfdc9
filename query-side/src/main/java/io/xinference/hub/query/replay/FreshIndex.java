package io.xinference.hub.query.replay;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Time;
import io.xinference.hub.query.elasticsearch.ElasticsearchProperties;
import io.xinference.hub.query.elasticsearch.IndexDefinition;
import io.xinference.hub.query.elasticsearch.IndexResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Elasticsearch side of a rebuild: a fresh index with the read model's current mapping, and the one atomic
 * alias update that moves readers and writers from the old index to it (Elasticsearch applies all actions of
 * one {@code _aliases} call together, so there is no instant without an index behind the alias).
 */
@Component
public class FreshIndex {

    private static final String NO_REFRESH = "-1";
    private static final String DEFAULT_REFRESH = "1s";

    private final ElasticsearchClient client;
    private final ElasticsearchProperties properties;

    public FreshIndex(ElasticsearchClient client, ElasticsearchProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /**
     * Creates {@code <prefix><name>-v<N>-r<millis>}; the mapping is the definition's own. It is created for bulk
     * loading: no periodic refresh (nobody searches it before the swap, and every refresh of a growing index
     * writes a new segment) and no replicas (each bulk would be indexed twice); {@link #readyForReaders} sets
     * both back before the alias moves.
     */
    public String create(IndexDefinition definition) throws IOException {
        String index = definition.indexName(properties.indexPrefix()) + "-r" + System.currentTimeMillis();
        client.indices().create(IndexResource.createRequest(definition, index, s -> s.numberOfShards("1")
                .numberOfReplicas("0").refreshInterval(Time.of(t -> t.time(NO_REFRESH)))));
        return index;
    }

    /** The settings every live index has: Elasticsearch's default refresh, the configured replicas. */
    public void readyForReaders(String index) throws IOException {
        client.indices().putSettings(p -> p.index(index).settings(s -> s
                .refreshInterval(Time.of(t -> t.time(DEFAULT_REFRESH)))
                .numberOfReplicas(String.valueOf(properties.replicas()))));
    }

    public List<String> indicesBehind(String alias) throws IOException {
        return new ArrayList<>(client.indices().getAlias(a -> a.name(alias)).result().keySet());
    }

    /** Makes {@code alias} point at {@code index} alone, in one request. */
    public void swap(String alias, List<String> previous, String index) throws IOException {
        client.indices().refresh(r -> r.index(index));
        client.indices().updateAliases(u -> {
            for (String old : previous) {
                u.actions(a -> a.remove(r -> r.index(old).alias(alias)));
            }
            return u.actions(a -> a.add(add -> add.index(index).alias(alias).isWriteIndex(true)));
        });
    }

    public void delete(String index) throws IOException {
        client.indices().delete(d -> d.index(index));
    }
}
