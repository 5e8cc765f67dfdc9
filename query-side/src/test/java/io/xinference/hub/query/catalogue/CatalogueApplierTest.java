package io.xinference.hub.query.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ClientCompatibility;
import io.xinference.hub.events.ExpiryCause;
import io.xinference.hub.events.ModelApproved;
import io.xinference.hub.events.ModelDeleted;
import io.xinference.hub.events.ModelExpired;
import io.xinference.hub.events.ModelReadmeUpdated;
import io.xinference.hub.events.ModelRegistered;
import io.xinference.hub.events.ModelRejected;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelSubmittedForReview;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.query.projection.EventFacts;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogueApplierTest {

    static final Actor OWNER = new Actor("sub-1", "alice");
    static final Actor REVIEWER = new Actor("sub-r", "rita");
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    final ObjectNode definition = new ObjectMapper().createObjectNode().put("version", 2).put("model_name", "m");

    static EventFacts at(long sequence, Instant when) {
        return new EventFacts("e" + sequence, sequence, when, null, null, null);
    }

    CatalogueDocument registered(ModelStatus status) {
        return CatalogueApplier.apply(null, new ModelRegistered("id", "M-1", ModelType.LLM, Visibility.PUBLIC,
                definition, "readme", OWNER, status, null, ClientCompatibility.allClients()), at(0, T0)).orElseThrow();
    }

    @Test
    void registrationForReviewOpensRoundOne() {
        CatalogueDocument document = registered(ModelStatus.PENDING_REVIEW);
        assertThat(document.status()).isEqualTo(ModelStatus.PENDING_REVIEW);
        assertThat(document.reviewRounds()).containsExactly(new ReviewRound(1, T0, OWNER, null, null, null, null));
        assertThat(document.nameSort()).isEqualTo("m-1");
        assertThat(document.createdAt()).isEqualTo(T0);
        assertThat(document.version()).isZero();
    }

    @Test
    void anEventAtOrBelowTheDocumentVersionIsANoOp() {
        CatalogueDocument document = registered(ModelStatus.APPROVED);
        CatalogueDocument next = CatalogueApplier.apply(document, new ModelReadmeUpdated("id", "M-1", ModelType.LLM,
                Visibility.PUBLIC, "new"), at(1, T0)).orElseThrow();
        assertThat(CatalogueApplier.apply(next, new ModelReadmeUpdated("id", "M-1", ModelType.LLM,
                Visibility.PUBLIC, "old"), at(1, T0))).isEmpty();
        assertThat(CatalogueApplier.apply(next, new ModelReadmeUpdated("id", "M-1", ModelType.LLM,
                Visibility.PUBLIC, "older"), at(0, T0))).isEmpty();
    }

    @Test
    void anEventForAModelNeverRegisteredIsPoison() {
        assertThatThrownBy(() -> CatalogueApplier.apply(null, new ModelDeleted("id", "M-1", ModelType.LLM,
                Visibility.PUBLIC), at(3, T0))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void updatedAtGrowsWithEveryChangeEvenWithinOneSecond() {
        CatalogueDocument document = registered(ModelStatus.APPROVED);
        CatalogueDocument next = CatalogueApplier.apply(document, new ModelReadmeUpdated("id", "M-1", ModelType.LLM,
                Visibility.PUBLIC, "r2"), at(1, T0)).orElseThrow();
        CatalogueDocument later = CatalogueApplier.apply(next, new ModelReadmeUpdated("id", "M-1", ModelType.LLM,
                Visibility.PUBLIC, "r3"), at(2, T0.plusMillis(10))).orElseThrow();
        assertThat(document.updatedAtEpochSeconds()).isEqualTo(T0.getEpochSecond());
        assertThat(next.updatedAtEpochSeconds()).isEqualTo(T0.getEpochSecond() + 1);
        assertThat(later.updatedAtEpochSeconds()).isEqualTo(T0.getEpochSecond() + 2);
        CatalogueDocument muchLater = CatalogueApplier.apply(later, new ModelReadmeUpdated("id", "M-1",
                ModelType.LLM, Visibility.PUBLIC, "r4"), at(3, T0.plusSeconds(100))).orElseThrow();
        assertThat(muchLater.updatedAtEpochSeconds()).isEqualTo(T0.getEpochSecond() + 100);
    }

    @Test
    void reviewDecisionsCloseTheirRounds() {
        CatalogueDocument document = registered(ModelStatus.PENDING_REVIEW);
        document = CatalogueApplier.apply(document, new ModelRejected("id", "M-1", ModelType.LLM, Visibility.PUBLIC,
                1, REVIEWER, "no licence"), at(1, T0.plusSeconds(5))).orElseThrow();
        document = CatalogueApplier.apply(document, new ModelSubmittedForReview("id", "M-1", ModelType.LLM,
                Visibility.PUBLIC, 2, OWNER, definition, "readme 2"), at(2, T0.plusSeconds(6))).orElseThrow();
        ObjectNode approvedDefinition = definition.deepCopy().put("context_length", 1);
        document = CatalogueApplier.apply(document, new ModelApproved("id", "M-1", ModelType.LLM, Visibility.PUBLIC,
                2, REVIEWER, approvedDefinition), at(3, T0.plusSeconds(7))).orElseThrow();
        assertThat(document.status()).isEqualTo(ModelStatus.APPROVED);
        assertThat(document.definition()).isEqualTo(approvedDefinition);
        assertThat(document.readme()).isEqualTo("readme 2");
        assertThat(document.reviewRounds()).containsExactly(
                new ReviewRound(1, T0, OWNER, ReviewRound.REJECTED, REVIEWER, "no licence", T0.plusSeconds(5)),
                new ReviewRound(2, T0.plusSeconds(6), OWNER, ReviewRound.APPROVED, REVIEWER, null, T0.plusSeconds(7)));
    }

    @Test
    void expiryAndDeletionAreStatusesThatKeepTheDocument() {
        CatalogueDocument document = registered(ModelStatus.APPROVED);
        CatalogueDocument expired = CatalogueApplier.apply(document, new ModelExpired("id", "M-1", ModelType.LLM,
                Visibility.PUBLIC, ExpiryCause.SCHEDULED), at(1, T0)).orElseThrow();
        CatalogueDocument deleted = CatalogueApplier.apply(expired, new ModelDeleted("id", "M-1", ModelType.LLM,
                Visibility.PUBLIC), at(2, T0)).orElseThrow();
        assertThat(expired.status()).isEqualTo(ModelStatus.EXPIRED);
        assertThat(deleted.status()).isEqualTo(ModelStatus.DELETED);
        assertThat(deleted.definition()).isEqualTo(definition);
        assertThat(deleted.owner()).isEqualTo(OWNER);
    }
}
