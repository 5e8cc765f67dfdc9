package io.xinference.hub.query.elasticsearch;

import co.elastic.clients.elasticsearch.indices.CreateIndexRequest;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.function.UnaryOperator;

/**
 * The create-index request of a read model's versioned index from its resource ({@code mappings} and, for text
 * analysis, {@code settings}), with the settings the caller adds (shards, replicas, refresh). Adding settings in the
 * request builder would replace the resource's own (its analyzers), so both are merged here, in one place.
 */
public final class IndexResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IndexResource() {
    }

    /** The resource's {@code mappings} as JSON, e.g. to add a newer version's fields to a live older index. */
    public static String mappings(IndexDefinition definition) throws IOException {
        try (InputStream in = new ClassPathResource(definition.mappingResource()).getInputStream()) {
            return JSON.readTree(in).path("mappings").toString();
        }
    }

    public static CreateIndexRequest createRequest(IndexDefinition definition, String index,
                                                   UnaryOperator<IndexSettings.Builder> extraSettings)
            throws IOException {
        JsonNode resource;
        try (InputStream in = new ClassPathResource(definition.mappingResource()).getInputStream()) {
            resource = JSON.readTree(in);
        }
        JsonNode mappings = resource.path("mappings");
        JsonNode settings = resource.path("settings");
        IndexSettings.Builder builder = new IndexSettings.Builder();
        if (settings.isObject()) {
            builder.withJson(new StringReader(settings.toString()));
        }
        IndexSettings merged = extraSettings.apply(builder).build();
        return CreateIndexRequest.of(c -> c.index(index)
                .mappings(m -> m.withJson(new StringReader(mappings.toString())))
                .settings(merged));
    }
}
