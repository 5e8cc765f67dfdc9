package io.xinference.hub.query.catalogue;

import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;

import java.time.Instant;
import java.util.List;

/** One search hit: enough for a model card, without the definition and README. */
public record ModelSummary(String modelId, String modelName, ModelType modelType, Visibility visibility,
                           ModelStatus status, Actor owner, String description, List<String> abilities,
                           List<String> languages, List<String> formats, List<Double> sizesInBillions,
                           boolean featured, Instant expiresAt, Instant createdAt, Instant updatedAt, long version) {

    static ModelSummary of(CatalogueDocument d) {
        return new ModelSummary(d.modelId(), d.modelName(), d.modelType(), d.visibility(), d.status(), d.owner(),
                d.description(), d.abilities(), d.languages(), d.formats(), d.sizesInBillions(), d.featured(),
                d.expiresAt(), d.createdAt(), d.updatedAt(), d.version());
    }
}
