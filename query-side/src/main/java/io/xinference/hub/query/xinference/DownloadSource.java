package io.xinference.hub.query.xinference;

import io.xinference.hub.events.ModelType;
import io.xinference.hub.query.catalogue.CatalogueDocument;

import java.util.List;
import java.util.Map;

/** Where download bodies come from; an interface so the body logic is tested without Elasticsearch. */
public interface DownloadSource {

    /** Approved public documents of the type, current as of the call, sorted by name. */
    List<CatalogueDocument> approvedPublic(ModelType type);

    /** Per model type (wire name), a number that changes whenever any document of that type changes. */
    Map<String, Double> changeSignatures();
}
