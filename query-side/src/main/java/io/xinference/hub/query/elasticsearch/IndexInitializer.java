package io.xinference.hub.query.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import co.elastic.clients.transport.endpoints.BooleanResponse;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Creates each versioned index with its explicit mapping and points the alias at it, before any projection or
 * query runs (Axon starts its processors only after all singletons exist). Safe to run on every start and from
 * several instances at once: an index or alias that already exists is left alone.
 */
@Component
@Order(0)
public class IndexInitializer implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(IndexInitializer.class);
    private static final List<IndexDefinition> ALL =
            List.of(HubIndices.CATALOGUE, HubIndices.REVIEW_QUEUE, HubIndices.AUDIT_TRAIL, HubIndices.PULL_REQUESTS);

    private final ElasticsearchClient client;
    private final ElasticsearchProperties properties;

    public IndexInitializer(ElasticsearchClient client, ElasticsearchProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ALL.forEach(this::ensure);
    }

    void ensure(IndexDefinition definition) {
        String prefix = properties.indexPrefix();
        String index = definition.indexName(prefix);
        String alias = definition.alias(prefix);
        try {
            BooleanResponse aliasExists = client.indices().existsAlias(a -> a.name(alias));
            if (aliasExists.value()) {
                GetAliasResponse current = client.indices().getAlias(a -> a.name(alias));
                if (!current.result().containsKey(index)) {
                    // an older (or newer) mapping version is live; moving the alias is the rebuild's job. Until
                    // then the live index gets this version's new fields (adding fields is allowed), so documents
                    // written by this code are accepted by its strict mapping
                    log.warn("alias {} points at {}, not {}: rebuild the read model to switch", alias,
                            current.result().keySet(), index);
                    addNewFields(definition, alias);
                }
                return;
            }
            if (!client.indices().exists(e -> e.index(index)).value()) {
                create(definition, index);
            }
            client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(index).alias(alias)
                    .isWriteIndex(true))));
            log.info("index {} behind alias {}", index, alias);
        } catch (ElasticsearchException e) {
            // another instance won the race; what it created is what we wanted
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare index " + index, e);
        }
    }

    private void addNewFields(IndexDefinition definition, String alias) {
        try {
            String mappings = IndexResource.mappings(definition);
            client.indices().putMapping(p -> p.index(alias).withJson(new java.io.StringReader(mappings)));
        } catch (IOException | ElasticsearchException e) {
            log.warn("could not add the fields of {} to {}: rebuild it", definition.mappingResource(), alias, e);
        }
    }

    private void create(IndexDefinition definition, String index) throws IOException {
        client.indices().create(IndexResource.createRequest(definition, index, s -> s.numberOfShards("1")
                .numberOfReplicas(String.valueOf(properties.replicas()))));
    }
}
