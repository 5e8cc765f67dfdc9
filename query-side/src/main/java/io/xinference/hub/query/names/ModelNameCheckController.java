package io.xinference.hub.query.names;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.swagger.v3.oas.annotations.Operation;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.names.ModelNameGrammar;
import io.xinference.hub.query.catalogue.CatalogueDocument;
import io.xinference.hub.query.elasticsearch.HubIndices;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Admins' check of the models registered before the name grammar was enforced: every live model (not deleted)
 * whose name breaks {@link ModelNameGrammar}. Such a model cannot be opened by name and must not reach Xinference
 * (which builds file paths from names); the admin deletes it or asks its owner to register it again under a valid
 * name. The whole catalogue is read page by page and each name judged by the same class registration uses, so
 * the rule is not restated as an Elasticsearch query. Needs the admin permission ({@code /api/admin/**}).
 */
@RestController
public class ModelNameCheckController {

    private static final int PAGE = 1000;

    private final ElasticsearchClient client;
    private final HubIndices indices;

    public ModelNameCheckController(ElasticsearchClient client, HubIndices indices) {
        this.client = client;
        this.indices = indices;
    }

    @Operation(summary = "Live models whose names break the model-name grammar (admins)")
    @GetMapping("/api/admin/model-names")
    public NameCheck check() {
        List<Offender> offenders = new ArrayList<>();
        long checked = 0;
        List<FieldValue> after = null;
        try {
            while (true) {
                List<FieldValue> from = after;
                SearchResponse<CatalogueDocument> page = client.search(s -> {
                    s.index(indices.catalogue()).size(PAGE)
                            .source(src -> src.filter(f -> f.includes("modelId", "modelName", "status", "visibility")))
                            .sort(o -> o.field(f -> f.field("modelId").order(SortOrder.Asc)));
                    return from == null ? s : s.searchAfter(from);
                }, CatalogueDocument.class);
                List<Hit<CatalogueDocument>> hits = page.hits().hits();
                for (Hit<CatalogueDocument> hit : hits) {
                    CatalogueDocument model = hit.source();
                    if (model == null || model.status() == ModelStatus.DELETED) {
                        continue;
                    }
                    checked++;
                    if (!ModelNameGrammar.isValid(model.modelName())) {
                        offenders.add(new Offender(model.modelId(), model.modelName(),
                                String.valueOf(model.status()), String.valueOf(model.visibility())));
                    }
                }
                if (hits.size() < PAGE) {
                    return new NameCheck(ModelNameGrammar.RULE, checked, offenders);
                }
                after = hits.get(hits.size() - 1).sort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("catalogue scan failed", e);
        }
    }

    /** @param checked live models looked at; @param offenders those whose names break the rule */
    public record NameCheck(String rule, long checked, List<Offender> offenders) {
    }

    public record Offender(String modelId, String modelName, String status, String visibility) {
    }
}
