package io.xinference.hub.query.catalogue;

import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;

import java.util.List;

/** A validated catalogue search: every field already checked against the request limits. */
public record CatalogueFilters(String text, List<ModelType> types, List<String> abilities, List<String> languages,
                               List<String> formats, Double minSize, Double maxSize, List<ModelStatus> statuses,
                               List<Visibility> visibilities, String owner, CatalogueSort sort, String cursor,
                               int size) {
}
