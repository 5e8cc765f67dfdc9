package io.xinference.hub.query.xinference;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.query.catalogue.CatalogueDocument;
import io.xinference.hub.query.catalogue.CatalogueProjection.CatalogueChanged;
import io.xinference.hub.query.elasticsearch.HubIndices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * The prepared download body per model type. A request never queries Elasticsearch: it gets the bytes built
 * after the last change. Changes arrive two ways — the catalogue projection in this instance announces the types
 * it wrote ({@link CatalogueChanged}), and a light poll ({@link #pollForChanges}) catches writes made by other
 * query-side instances: one aggregation per few seconds, the sum of document versions per type, which grows with
 * every event because versions only grow and documents are never deleted. A body is rebuilt on the first
 * request after a change (after refreshing the index, so it sees the write).
 */
@Component
public class DownloadBodies {

    private static final Logger log = LoggerFactory.getLogger(DownloadBodies.class);
    private static final int PAGE = 500;
    private static final List<SortOptions> SORT = List.of(
            SortOptions.of(s -> s.field(f -> f.field("nameSort").order(SortOrder.Asc))),
            SortOptions.of(s -> s.field(f -> f.field("modelId").order(SortOrder.Asc))));

    private final ElasticsearchClient client;
    private final HubIndices indices;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final Map<ModelType, AtomicLong> generations = new EnumMap<>(ModelType.class);
    private final Map<ModelType, PreparedBody> bodies = new EnumMap<>(ModelType.class);
    private final Map<String, Double> lastSignatures = new HashMap<>();

    public DownloadBodies(ElasticsearchClient client, HubIndices indices, ObjectMapper objectMapper) {
        this.client = client;
        this.indices = indices;
        this.objectMapper = objectMapper;
        this.clock = Clock.systemUTC();
        for (ModelType type : ModelType.values()) {
            generations.put(type, new AtomicLong());
        }
    }

    public PreparedBody body(ModelType type) {
        Instant now = clock.instant();
        PreparedBody body = current(type);
        if (body != null && body.freshAt(generations.get(type).get(), now)) {
            return body;
        }
        synchronized (generations.get(type)) {
            body = current(type);
            long generation = generations.get(type).get();
            if (body != null && body.freshAt(generation, now)) {
                return body;
            }
            // the generation is read before building: a change arriving meanwhile triggers another rebuild
            PreparedBody rebuilt;
            try {
                rebuilt = build(type, generation, now);
            } catch (RuntimeException e) {
                if (body == null || (body.nextExpiry() != null && !now.isBefore(body.nextExpiry()))) {
                    throw e;
                }
                // Elasticsearch is away: the last good body is still a valid answer (unless an entry in it has
                // expired since); the next request tries again
                log.warn("cannot rebuild the {} download body; serving the previous one", type.wire(), e);
                return body;
            }
            synchronized (bodies) {
                bodies.put(type, rebuilt);
            }
            return rebuilt;
        }
    }

    @EventListener
    public void onCatalogueChanged(CatalogueChanged changed) {
        changed.modelTypes().forEach(type -> generations.get(type).incrementAndGet());
    }

    /** Catches catalogue writes by other instances of the query side. */
    @Scheduled(fixedDelayString = "${hub.xinference.poll-millis:5000}", initialDelayString = "${hub.xinference.poll-millis:5000}")
    public void pollForChanges() {
        try {
            SearchResponse<Void> response = client.search(s -> s.index(indices.catalogue()).size(0)
                    .aggregations("types", a -> a.terms(t -> t.field("modelType").size(20))
                            .aggregations("versions", v -> v.sum(sum -> sum.field("version")))), Void.class);
            for (StringTermsBucket bucket : response.aggregations().get("types").sterms().buckets().array()) {
                String type = bucket.key().stringValue();
                double signature = bucket.aggregations().get("versions").sum().value() + bucket.docCount();
                Double previous = lastSignatures.put(type, signature);
                // first sight counts as a change too: another instance may have written before we first looked
                if (previous == null || previous != signature) {
                    ModelType.fromWire(type).ifPresent(t -> generations.get(t).incrementAndGet());
                }
            }
        } catch (Exception e) {
            log.debug("download body poll failed; bodies stay as they are until the next change or poll", e);
        }
    }

    private PreparedBody current(ModelType type) {
        synchronized (bodies) {
            return bodies.get(type);
        }
    }

    private PreparedBody build(ModelType type, long generation, Instant now) {
        try {
            client.indices().refresh(r -> r.index(indices.catalogue()));
            ArrayNode array = objectMapper.createArrayNode();
            Instant nextExpiry = null;
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
                for (Hit<CatalogueDocument> hit : hits) {
                    CatalogueDocument document = hit.source();
                    if (document != null && XinferenceEntries.downloadable(document, now)) {
                        array.add(XinferenceEntries.entry(document));
                        if (document.expiresAt() != null
                                && (nextExpiry == null || document.expiresAt().isBefore(nextExpiry))) {
                            nextExpiry = document.expiresAt();
                        }
                    }
                }
                if (hits.size() < PAGE) {
                    break;
                }
                after = hits.get(hits.size() - 1).sort();
            }
            byte[] json = objectMapper.writeValueAsBytes(array);
            return new PreparedBody(json, gzip(json), etag(json), generation, nextExpiry, array.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the " + type.wire() + " download body", e);
        }
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
