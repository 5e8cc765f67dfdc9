package io.xinference.hub.query.xinference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.query.catalogue.CatalogueDocument;
import io.xinference.hub.query.catalogue.CatalogueProjection.CatalogueChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
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
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * The prepared download body per model type. A request never queries Elasticsearch: it gets the bytes built
 * after the last change. Changes arrive two ways — the catalogue projection in this instance announces the types
 * it wrote ({@link CatalogueChanged}), and a light poll ({@link #pollForChanges}) catches writes made by other
 * query-side instances (one aggregation every few seconds). A body is rebuilt on the first request after a change,
 * and when its first entry's expiration date passes. If a rebuild fails (Elasticsearch away), the last good body
 * is served: it is still a valid answer, and Xinference would keep its old file on an error anyway.
 */
@Component
public class DownloadBodies {

    private static final Logger log = LoggerFactory.getLogger(DownloadBodies.class);

    private final DownloadSource source;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final Map<ModelType, AtomicLong> generations = new EnumMap<>(ModelType.class);
    private final Map<ModelType, PreparedBody> bodies = new EnumMap<>(ModelType.class);
    private final Map<String, Double> lastSignatures = new HashMap<>();

    @Autowired
    public DownloadBodies(DownloadSource source, ObjectMapper objectMapper) {
        this(source, objectMapper, Clock.systemUTC());
    }

    DownloadBodies(DownloadSource source, ObjectMapper objectMapper, Clock clock) {
        this.source = source;
        this.objectMapper = objectMapper;
        this.clock = clock;
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
    @Scheduled(fixedDelayString = "${hub.xinference.poll-millis:5000}",
            initialDelayString = "${hub.xinference.poll-millis:5000}")
    public void pollForChanges() {
        Map<String, Double> signatures;
        try {
            signatures = source.changeSignatures();
        } catch (RuntimeException e) {
            log.debug("download body poll failed; bodies stay as they are until the next change or poll", e);
            return;
        }
        signatures.forEach((type, signature) -> {
            Double previous = lastSignatures.put(type, signature);
            // first sight counts as a change too: another instance may have written before we first looked
            if (previous == null || !previous.equals(signature)) {
                ModelType.fromWire(type).ifPresent(t -> generations.get(t).incrementAndGet());
            }
        });
    }

    private PreparedBody current(ModelType type) {
        synchronized (bodies) {
            return bodies.get(type);
        }
    }

    private PreparedBody build(ModelType type, long generation, Instant now) {
        ArrayNode array = objectMapper.createArrayNode();
        Instant nextExpiry = null;
        for (CatalogueDocument document : source.approvedPublic(type)) {
            if (!XinferenceEntries.downloadable(document, now)) {
                continue;
            }
            array.add(XinferenceEntries.entry(document));
            if (document.expiresAt() != null && (nextExpiry == null || document.expiresAt().isBefore(nextExpiry))) {
                nextExpiry = document.expiresAt();
            }
        }
        try {
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
