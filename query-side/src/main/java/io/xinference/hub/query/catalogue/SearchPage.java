package io.xinference.hub.query.catalogue;

import java.util.List;
import java.util.Map;

/** A page of search results with the facet counts of the whole result (not only this page). */
public record SearchPage(List<ModelSummary> items, long total, Map<String, Map<String, Long>> facets,
                         String nextCursor) {
}
