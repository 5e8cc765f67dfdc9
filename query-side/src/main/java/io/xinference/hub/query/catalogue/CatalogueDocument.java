package io.xinference.hub.query.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ClientCompatibility;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.security.CurrentUser;
import io.xinference.hub.security.ModelGrants;

import java.time.Instant;
import java.util.List;

/**
 * One model in the catalogue index (mapping {@code elasticsearch/catalogue-v2.json}): what the list, the detail
 * page and the Xinference API need. {@code version} is the sequence number of the last event applied (also the
 * document's external version); {@code updatedAtEpochSeconds} is Xinference's {@code updated_at}, strictly
 * increasing with every change. A model's pull requests live in their own index ({@code PullRequestProjection}),
 * which the detail page joins. {@code nameWords} are the words inside the name ({@link NameWords}), what search
 * matches typed words against; derived from the name, so every constructor but the canonical one fills them in.
 */
public record CatalogueDocument(String modelId, String modelName, String nameSort, ModelType modelType,
                                Visibility visibility, ModelStatus status, Actor owner, JsonNode definition,
                                String readme, String description, List<String> abilities, List<String> languages,
                                List<String> formats, List<Double> sizesInBillions, boolean featured,
                                Instant expiresAt, Instant createdAt, Instant updatedAt, long updatedAtEpochSeconds,
                                long version, ClientCompatibility compatibility, List<ReviewRound> reviewRounds,
                                List<String> nameWords) {

    public CatalogueDocument(String modelId, String modelName, String nameSort, ModelType modelType,
                             Visibility visibility, ModelStatus status, Actor owner, JsonNode definition,
                             String readme, String description, List<String> abilities, List<String> languages,
                             List<String> formats, List<Double> sizesInBillions, boolean featured,
                             Instant expiresAt, Instant createdAt, Instant updatedAt, long updatedAtEpochSeconds,
                             long version, ClientCompatibility compatibility, List<ReviewRound> reviewRounds) {
        this(modelId, modelName, nameSort, modelType, visibility, status, owner, definition, readme, description,
                abilities, languages, formats, sizesInBillions, featured, expiresAt, createdAt, updatedAt,
                updatedAtEpochSeconds, version, compatibility, reviewRounds, NameWords.of(modelName));
    }

    /** Whether the caller may see this model ({@link ModelGrants}, the table both apps read). */
    public boolean visibleTo(CurrentUser caller) {
        return ModelGrants.canSee(caller, owner == null ? null : owner.subject(), visibility, status);
    }
}
