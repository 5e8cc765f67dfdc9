package io.xinference.hub.query.history;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.xinference.hub.query.audittrail.AuditEntry;
import io.xinference.hub.query.elasticsearch.HubIndices;
import io.xinference.hub.query.web.BadRequestException;
import io.xinference.hub.query.web.RequestLimits;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The audit trail of a time range, optionally of one actor and/or one model, streamed oldest first as NDJSON or
 * CSV (audit-read only, via {@code /api/audit-trail/**} in the security configuration). Pages of
 * {@value #PAGE} entries are fetched with {@code search_after} and written as they arrive, so an export of any
 * size holds one page in memory. The range is required and capped at {@link #MAX_RANGE}: one export is one
 * bounded piece of work (OWASP API4); longer periods are several exports. Everything is validated before the
 * first byte, so a refusal is still a problem-details answer.
 */
@RestController
public class AuditExportController {

    static final Duration MAX_RANGE = Duration.ofDays(366);
    static final int PAGE = 500;
    private static final List<SortOptions> OLDEST_FIRST = List.of(
            SortOptions.of(s -> s.field(f -> f.field("timestamp").order(SortOrder.Asc))),
            SortOptions.of(s -> s.field(f -> f.field("entryId").order(SortOrder.Asc))));

    private final ElasticsearchClient client;
    private final HubIndices indices;
    private final ObjectMapper objectMapper;
    /** {@link #PAGE}; tests lower it to cross page boundaries with few entries. */
    private int pageSize = PAGE;

    public AuditExportController(ElasticsearchClient client, HubIndices indices, ObjectMapper objectMapper) {
        this.client = client;
        this.indices = indices;
        this.objectMapper = objectMapper;
    }

    @Operation(summary = "Stream the audit trail of [from, to) as NDJSON or CSV; range required, at most 366 days")
    @ApiResponse(responseCode = "200", description = "the entries, oldest first", content = {
            @Content(mediaType = "application/x-ndjson"), @Content(mediaType = "text/csv")})
    @ApiResponse(responseCode = "400", description = "missing or invalid range, range too long, unknown format",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "the caller lacks audit-read",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/api/audit-trail/export")
    public ResponseEntity<StreamingResponseBody> export(@RequestParam String from, @RequestParam String to,
                                                        @RequestParam(required = false) String actor,
                                                        @RequestParam(required = false) String modelId,
                                                        @RequestParam(defaultValue = "ndjson") String format) {
        AuditExportFormat exportFormat = format(format);
        Instant start = instant(from, "from");
        Instant end = instant(to, "to");
        if (!start.isBefore(end)) {
            throw new BadRequestException("to", "to must be after from");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw new BadRequestException("to", "an export covers at most " + MAX_RANGE.toDays() + " days");
        }
        Query query = query(start, end, RequestLimits.query(actor, "actor"), RequestLimits.query(modelId, "modelId"));
        StreamingResponseBody body = output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            exportFormat.header(out);
            List<FieldValue> after = null;
            while (true) {
                List<Hit<AuditEntry>> hits = page(query, after);
                for (Hit<AuditEntry> hit : hits) {
                    exportFormat.write(hit.source(), out, objectMapper);
                }
                out.flush();
                if (hits.size() < pageSize) {
                    break;
                }
                after = hits.get(hits.size() - 1).sort();
            }
        };
        String filename = "audit-" + from.replace(':', '-') + "--" + to.replace(':', '-') + "." + exportFormat.extension();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, exportFormat.mediaType() + ";charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(body);
    }

    private List<Hit<AuditEntry>> page(Query query, List<FieldValue> after) throws IOException {
        SearchRequest.Builder request = new SearchRequest.Builder().index(indices.auditTrail()).query(query)
                .sort(OLDEST_FIRST).size(pageSize).trackTotalHits(t -> t.enabled(false));
        if (after != null) {
            request.searchAfter(after);
        }
        return new ArrayList<>(client.search(request.build(), AuditEntry.class).hits().hits());
    }

    private static Query query(Instant start, Instant end, String actor, String modelId) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        bool.filter(q -> q.range(r -> r.date(d -> d.field("timestamp").gte(start.toString()).lt(end.toString()))));
        if (actor != null) {
            bool.filter(q -> q.bool(b -> b.minimumShouldMatch("1")
                    .should(s -> s.term(t -> t.field("actor.subject").value(actor)))
                    .should(s -> s.term(t -> t.field("actor.username").value(actor)))));
        }
        if (modelId != null) {
            bool.filter(q -> q.term(t -> t.field("modelId").value(modelId)));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    private static AuditExportFormat format(String value) {
        try {
            return AuditExportFormat.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("format", "format must be ndjson or csv");
        }
    }

    private static Instant instant(String value, String parameter) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(parameter, parameter + " must be an ISO-8601 instant");
        }
    }
}
