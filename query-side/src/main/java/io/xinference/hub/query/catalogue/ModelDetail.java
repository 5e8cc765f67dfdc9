package io.xinference.hub.query.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ClientCompatibility;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.query.pullrequests.PullRequestDocument;

import java.time.Instant;
import java.util.List;

/**
 * A model's detail page. {@code stale} is true when the caller asked for {@code minVersion} and the projection had
 * not reached it within the wait: the UI then says "still updating" instead of showing old data as current.
 */
public record ModelDetail(String modelId, String modelName, ModelType modelType, Visibility visibility,
                          ModelStatus status, Actor owner, JsonNode definition, String readme, String description,
                          List<String> abilities, List<String> languages, List<String> formats,
                          List<Double> sizesInBillions, Instant expiresAt, Instant createdAt, Instant updatedAt,
                          long version, ClientCompatibility compatibility, List<ReviewRound> reviewRounds,
                          List<PullRequestDocument> pullRequests, boolean stale) {

    static ModelDetail of(CatalogueDocument d, List<PullRequestDocument> pullRequests, boolean stale) {
        return new ModelDetail(d.modelId(), d.modelName(), d.modelType(), d.visibility(), d.status(), d.owner(),
                d.definition(), d.readme(), d.description(), d.abilities(), d.languages(), d.formats(),
                d.sizesInBillions(), d.expiresAt(), d.createdAt(), d.updatedAt(), d.version(), d.compatibility(),
                d.reviewRounds(), pullRequests, stale);
    }
}
