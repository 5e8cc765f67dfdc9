package io.xinference.hub.query.audittrail;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.swagger.v3.oas.annotations.Operation;
import io.xinference.hub.query.elasticsearch.HubIndices;
import io.xinference.hub.query.web.BadRequestException;
import io.xinference.hub.query.web.RequestLimits;
import io.xinference.hub.query.web.SearchCursor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The audit trail for auditors (audit-read permission, checked in the security configuration), newest first. */
@RestController
@RequestMapping("/api/audit-trail")
public class AuditTrailController {

    private static final List<SortOptions> SORT = List.of(
            SortOptions.of(s -> s.field(f -> f.field("timestamp").order(SortOrder.Desc))),
            SortOptions.of(s -> s.field(f -> f.field("entryId").order(SortOrder.Asc))));

    private static final int MAX_NAME_SUGGESTIONS = 10, MAX_IDS_PER_NAME = 5;

    private final ElasticsearchClient client;
    private final HubIndices indices;

    public AuditTrailController(ElasticsearchClient client, HubIndices indices) {
        this.client = client;
        this.indices = indices;
    }

    @Operation(summary = "One entry per event; filter by actor (subject or username), model (id or name), action, "
            + "time range")
    @GetMapping
    public AuditTrailPage trail(@RequestParam(required = false) String actor,
                                @RequestParam(required = false) String modelId,
                                @RequestParam(required = false) String modelName,
                                @RequestParam(required = false) String action,
                                @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to,
                                @RequestParam(required = false) String cursor,
                                @RequestParam(required = false) Integer size) {
        int pageSize = RequestLimits.pageSize(size);
        BoolQuery.Builder bool = new BoolQuery.Builder();
        String actorValue = RequestLimits.query(actor, "actor");
        if (actorValue != null) {
            bool.filter(q -> q.bool(b -> b.minimumShouldMatch("1")
                    .should(s -> s.term(t -> t.field("actor.subject").value(actorValue)))
                    .should(s -> s.term(t -> t.field("actor.username").value(actorValue)))));
        }
        String model = RequestLimits.query(modelId, "modelId");
        if (model != null) {
            bool.filter(q -> q.term(t -> t.field("modelId").value(model)));
        }
        String name = RequestLimits.query(modelName, "modelName");
        if (name != null) {
            bool.filter(q -> q.term(t -> t.field("modelName").value(name)));
        }
        String actionValue = RequestLimits.query(action, "action");
        if (actionValue != null) {
            bool.filter(q -> q.term(t -> t.field("action").value(actionValue)));
        }
        Instant fromTime = instant(from, "from");
        Instant toTime = instant(to, "to");
        if (fromTime != null && toTime != null && fromTime.isAfter(toTime)) {
            throw new BadRequestException("from", "from must not be after to");
        }
        if (fromTime != null || toTime != null) {
            bool.filter(q -> q.range(r -> r.date(d -> {
                d.field("timestamp");
                if (fromTime != null) d.gte(fromTime.toString());
                if (toTime != null) d.lt(toTime.toString());
                return d;
            })));
        }
        SearchRequest.Builder request = new SearchRequest.Builder().index(indices.auditTrail())
                .query(q -> q.bool(bool.build())).sort(SORT).size(pageSize).trackTotalHits(t -> t.enabled(true));
        if (cursor != null && !cursor.isBlank()) {
            request.searchAfter(SearchCursor.decode(cursor, SORT.size()));
        }
        try {
            SearchResponse<AuditEntry> response = client.search(request.build(), AuditEntry.class);
            List<Hit<AuditEntry>> hits = response.hits().hits();
            return new AuditTrailPage(hits.stream().map(Hit::source).toList(),
                    response.hits().total() == null ? hits.size() : response.hits().total().value(),
                    hits.size() == pageSize ? SearchCursor.encode(hits.get(hits.size() - 1).sort()) : null);
        } catch (IOException e) {
            throw new UncheckedIOException("audit trail search failed", e);
        }
    }

    @Operation(summary = "Model names in the audit trail containing what is typed (any case), with their ids: "
            + "deleted models included, a re-registered name lists every id")
    @GetMapping("/model-names")
    public List<ModelNameSuggestion> modelNames(@RequestParam(required = false) String q) {
        String text = RequestLimits.query(q, "q");
        if (text == null) {
            return List.of();
        }
        SearchRequest request = new SearchRequest.Builder().index(indices.auditTrail()).size(0)
                .aggregations("names", a -> a.terms(t -> t.field("modelName").size(MAX_NAME_SUGGESTIONS)
                                .include(i -> i.regexp(".*" + anyCase(text) + ".*")))
                        .aggregations("ids", sub -> sub.terms(t -> t.field("modelId").size(MAX_IDS_PER_NAME))))
                .build();
        try {
            return client.search(request, Void.class).aggregations().get("names").sterms().buckets().array().stream()
                    .map(b -> new ModelNameSuggestion(b.key().stringValue(), b.aggregations().get("ids").sterms()
                            .buckets().array().stream().map(id -> id.key().stringValue()).toList()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("audit trail model names failed", e);
        }
    }

    /** A Lucene regular expression matching {@code text} literally in any letter case. */
    static String anyCase(String text) {
        StringBuilder regex = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetter(c)) {
                regex.append('[').appendCodePoint(Character.toLowerCase(c)).appendCodePoint(Character.toUpperCase(c))
                        .append(']');
            } else if (Character.isLetterOrDigit(c)) {
                regex.appendCodePoint(c);
            } else {
                regex.append('\\').appendCodePoint(c);
            }
        });
        return regex.toString();
    }

    public record ModelNameSuggestion(String modelName, List<String> modelIds) {
    }

    private static Instant instant(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(parameter, parameter + " must be an ISO-8601 instant");
        }
    }

    public record AuditTrailPage(List<AuditEntry> items, long total, String nextCursor) {
    }
}
