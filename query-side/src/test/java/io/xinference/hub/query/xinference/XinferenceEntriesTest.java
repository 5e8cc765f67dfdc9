package io.xinference.hub.query.xinference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.query.catalogue.CatalogueDocument;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class XinferenceEntriesTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    static CatalogueDocument document(Visibility visibility, ModelStatus status, Instant expiresAt, ObjectNode definition) {
        return new CatalogueDocument("id", "m", "m", ModelType.LLM, visibility, status, null, definition, null, null,
                List.of(), List.of(), List.of(), List.of(), false, expiresAt, NOW, NOW, 1234, 3, null, List.of());
    }

    @Test
    void anEntryIsTheDefinitionWithOurUpdatedAtAndNeverIsBuiltin() {
        ObjectNode definition = new ObjectMapper().createObjectNode().put("model_name", "m").put("updated_at", 1)
                .put("is_builtin", true);
        ObjectNode entry = XinferenceEntries.entry(document(Visibility.PUBLIC, ModelStatus.APPROVED, null, definition));
        assertThat(entry.has("is_builtin")).isFalse();
        assertThat(entry.get("updated_at").asLong()).isEqualTo(1234);
        assertThat(entry.get("updated_at").isIntegralNumber()).isTrue();
        assertThat(definition.has("is_builtin")).as("the stored definition is untouched").isTrue();
    }

    @Test
    void onlyApprovedPublicUnexpiredModelsAreDownloadable() {
        ObjectNode d = new ObjectMapper().createObjectNode();
        assertThat(XinferenceEntries.downloadable(document(Visibility.PUBLIC, ModelStatus.APPROVED, null, d), NOW)).isTrue();
        assertThat(XinferenceEntries.downloadable(document(Visibility.PUBLIC, ModelStatus.APPROVED,
                NOW.plusSeconds(1), d), NOW)).isTrue();
        assertThat(XinferenceEntries.downloadable(document(Visibility.PUBLIC, ModelStatus.APPROVED, NOW, d), NOW)).isFalse();
        assertThat(XinferenceEntries.downloadable(document(Visibility.ENTERPRISE, ModelStatus.APPROVED, null, d), NOW)).isFalse();
        assertThat(XinferenceEntries.downloadable(document(Visibility.PRIVATE, ModelStatus.APPROVED, null, d), NOW)).isFalse();
        for (ModelStatus status : List.of(ModelStatus.DRAFT, ModelStatus.PENDING_REVIEW, ModelStatus.REJECTED,
                ModelStatus.EXPIRED, ModelStatus.DELETED)) {
            assertThat(XinferenceEntries.downloadable(document(Visibility.PUBLIC, status, null, d), NOW)).isFalse();
        }
    }
}
