package io.xinference.hub.query.catalogue;

import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One search hit: enough for a model card, without the definition and README. {@code highlights} holds, for a text
 * search, the matched parts of {@code modelName}, {@code description} and {@code readme}, each match between
 * U+E000 and U+E001 (plain text, never HTML); empty otherwise.
 */
public record ModelSummary(String modelId, String modelName, ModelType modelType, Visibility visibility,
                           ModelStatus status, Actor owner, String description, List<String> abilities,
                           List<String> languages, List<String> formats, List<Double> sizesInBillions,
                           boolean featured, Instant expiresAt, Instant createdAt, Instant updatedAt, long version,
                           Map<String, List<String>> highlights) {

    static ModelSummary of(CatalogueDocument d, Map<String, List<String>> highlights) {
        return new ModelSummary(d.modelId(), d.modelName(), d.modelType(), d.visibility(), d.status(), d.owner(),
                d.description(), d.abilities(), d.languages(), d.formats(), d.sizesInBillions(), d.featured(),
                d.expiresAt(), d.createdAt(), d.updatedAt(), d.version(), highlights);
    }
}
