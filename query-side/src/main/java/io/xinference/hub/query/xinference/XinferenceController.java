package io.xinference.hub.query.xinference;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.names.ModelNameGrammar;
import io.xinference.hub.query.catalogue.CatalogueDocument;
import io.xinference.hub.query.catalogue.CatalogueFilters;
import io.xinference.hub.query.catalogue.CatalogueReader;
import io.xinference.hub.query.catalogue.CatalogueSearch;
import io.xinference.hub.query.catalogue.CatalogueSort;
import io.xinference.hub.query.web.BadRequestException;
import io.xinference.hub.query.web.ModelPrivateException;
import io.xinference.hub.query.web.NotFoundException;
import io.xinference.hub.query.web.RequestLimits;
import io.xinference.hub.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an unmodified Xinference calls (docs/xinference-contract.md §1–2). The download answers a bare JSON array,
 * unpaginated, from a prepared body; errors are 4xx with a JSON body, never a 2xx (a client writes any 2xx to
 * disk in place of its last good file).
 */
@RestController
@RequestMapping("/api/models")
public class XinferenceController {

    static final String FLEXIBLE = "flexible";
    private static final int MAX_RESULT_WINDOW = 10_000;

    private final DownloadBodies bodies;
    private final CatalogueReader reader;
    private final CatalogueSearch search;

    public XinferenceController(DownloadBodies bodies, CatalogueReader reader, CatalogueSearch search) {
        this.bodies = bodies;
        this.reader = reader;
        this.search = search;
    }

    @Operation(summary = "Xinference model list update: every approved public definition of a type (bare array)"
            + ", or one definition with model_name")
    @GetMapping("/download")
    public ResponseEntity<?> download(
            @Parameter(description = "llm, embedding, rerank, image, audio, video (flexible answers [])")
            @RequestParam(name = "model_type", required = false) String modelType,
            @RequestParam(name = "model_name", required = false) String modelName,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
            Authentication authentication, HttpServletResponse response) throws IOException {
        if (modelName != null) {
            CatalogueDocument document = visibleByName(modelName, CurrentUser.of(authentication));
            Instant now = Instant.now();
            // the caller may see it (enterprise and own private models included), but only a live approved
            // definition is something a client may load
            if (document.status() != ModelStatus.APPROVED
                    || (document.expiresAt() != null && !document.expiresAt().isAfter(now))) {
                throw new NotFoundException("model " + modelName + " is not published");
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(XinferenceEntries.entry(document));
        }
        if (modelType == null || modelType.isBlank()) {
            throw new BadRequestException("model_type", "model_type is required: one of llm, embedding, rerank, "
                    + "image, audio, video");
        }
        if (FLEXIBLE.equals(modelType)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(List.of());
        }
        ModelType type = ModelType.fromWire(modelType).orElseThrow(() -> new BadRequestException("model_type",
                "unknown model_type '" + abbreviate(modelType) + "': one of llm, embedding, rerank, image, audio, video"));
        writePrepared(bodies.body(type), ifNoneMatch, acceptEncoding, response);
        return null;
    }

    @Operation(summary = "One model's definition as {data: {...}} (403 MODEL_PRIVATE if you may not see it)")
    @GetMapping("/{name}")
    public Map<String, Object> model(@PathVariable String name, Authentication authentication) {
        CatalogueDocument document = visibleByName(name, CurrentUser.of(authentication));
        ObjectNode entry = XinferenceEntries.entry(document);
        entry.put("model_type", document.modelType().wire());
        return Map.of("data", entry);
    }

    @Operation(summary = "Published models the caller may see, featured first, as {data: [...]} (1-based page)")
    @GetMapping
    public Map<String, Object> list(@RequestParam(defaultValue = "featured") String order,
                                    @RequestParam(required = false) String query,
                                    @RequestParam(defaultValue = "1") int page,
                                    @RequestParam(defaultValue = "20") int pageSize,
                                    Authentication authentication) {
        if (page < 1) {
            throw new BadRequestException("page", "page starts at 1");
        }
        int size = RequestLimits.pageSize(pageSize);
        long from = (long) (page - 1) * size;
        if (from + size > MAX_RESULT_WINDOW) {
            throw new BadRequestException("page", "page too deep: at most " + MAX_RESULT_WINDOW + " results");
        }
        CatalogueSort sort = switch (order) {
            case "featured" -> CatalogueSort.FEATURED;
            case "updated", "latest" -> CatalogueSort.UPDATED;
            case "name" -> CatalogueSort.NAME;
            default -> throw new BadRequestException("order", "order must be featured, updated or name");
        };
        String text = RequestLimits.query(query, "query");
        CatalogueFilters filters = new CatalogueFilters(text, List.of(), List.of(), List.of(), List.of(), null, null,
                List.of(ModelStatus.APPROVED), List.of(), null, sort, null, size);
        CatalogueSearch.PageOfDocuments result = search.page(filters, CurrentUser.of(authentication), (int) from);
        Instant now = Instant.now();
        List<Map<String, Object>> data = result.documents().stream()
                .filter(d -> d.expiresAt() == null || d.expiresAt().isAfter(now))
                .map(XinferenceController::listItem).toList();
        return Map.of("data", data, "total", result.total(), "page", page, "pageSize", size);
    }

    private static Map<String, Object> listItem(CatalogueDocument d) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", d.modelId());
        item.put("model_name", d.modelName());
        item.put("model_type", d.modelType().wire());
        item.put("model_description", d.description());
        item.put("model_ability", d.abilities());
        item.put("visibility", d.visibility());
        item.put("featured", d.featured());
        item.put("updated_at", d.updatedAtEpochSeconds());
        return item;
    }

    /** 404 when no live model holds the name, 403 MODEL_PRIVATE when one does but the caller may not see it. */
    private CatalogueDocument visibleByName(String name, CurrentUser user) {
        // the registration's grammar: a name no model can have is bad input, not an absent model (and never a
        // path: Xinference builds file paths from names)
        ModelNameGrammar.problemWith(name).ifPresent(rule -> {
            throw new BadRequestException("model_name", rule);
        });
        CatalogueDocument document = reader.byName(name).filter(d -> d.status() != ModelStatus.DELETED)
                .orElseThrow(() -> new NotFoundException("no model " + name));
        if (!document.visibleTo(user)) {
            throw new ModelPrivateException(name);
        }
        return document;
    }

    /**
     * Writes the prepared bytes straight to the response: no message conversion, no copy — the point of preparing
     * the body is that a request costs no more than sending a file.
     */
    private static void writePrepared(PreparedBody body, String ifNoneMatch, String acceptEncoding,
                                      HttpServletResponse response) throws IOException {
        boolean gzip = HttpPreconditions.acceptsGzip(acceptEncoding);
        response.setHeader(HttpHeaders.ETAG, gzip ? body.gzipEtag() : body.etag());
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().getHeaderValue());
        if (HttpPreconditions.noneMatchHits(ifNoneMatch, body.etag(), body.gzipEtag())) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            return;
        }
        byte[] bytes = gzip ? body.gzip() : body.json();
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        if (gzip) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
