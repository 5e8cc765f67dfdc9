package io.xinference.hub.query.catalogue;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;

import java.util.ArrayList;
import java.util.List;

/**
 * The orders the catalogue offers. Every order ends with {@code modelId} so that {@code search_after} has a
 * total order and a cursor never skips or repeats a model.
 */
public enum CatalogueSort {
    RELEVANCE, UPDATED, NAME, FEATURED;

    public static CatalogueSort parse(String value, boolean hasQuery) {
        if (value == null || value.isBlank()) {
            return hasQuery ? RELEVANCE : UPDATED;
        }
        return switch (value) {
            case "updated" -> UPDATED;
            case "name" -> NAME;
            case "featured" -> FEATURED;
            case "relevance" -> RELEVANCE;
            default -> throw new io.xinference.hub.query.web.BadRequestException("sort",
                    "sort must be one of updated, name, featured, relevance");
        };
    }

    public List<SortOptions> options() {
        List<SortOptions> options = new ArrayList<>();
        switch (this) {
            case RELEVANCE -> {
                options.add(SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))));
                // relevance scores are tiers (RelevanceQuery): within a tier, alphabetical reads best
                options.add(field("nameSort", SortOrder.Asc));
            }
            case UPDATED -> options.add(field("updatedAt", SortOrder.Desc));
            case NAME -> options.add(field("nameSort", SortOrder.Asc));
            case FEATURED -> {
                options.add(field("featured", SortOrder.Desc));
                options.add(field("updatedAt", SortOrder.Desc));
            }
        }
        options.add(field("modelId", SortOrder.Asc));
        return options;
    }

    private static SortOptions field(String name, SortOrder order) {
        return SortOptions.of(s -> s.field(f -> f.field(name).order(order)));
    }
}
