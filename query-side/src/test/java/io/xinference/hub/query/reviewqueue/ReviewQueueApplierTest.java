package io.xinference.hub.query.reviewqueue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelSubmittedForReview;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.query.projection.EventFacts;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewQueueApplierTest {

    private static final Actor OWNER = new Actor("owner-subject", "olga");
    private static final JsonNode DEFINITION = JsonNodeFactory.instance.objectNode().put("model_name", "m");

    /** Read back from Elasticsearch, "never approved" is a JSON null node; folded in one batch it is Java null. */
    @Test
    void aModelNeverApprovedIsAFirstSubmissionWhetherItsDocumentCameFromElasticsearchOrNot() {
        ReviewQueueDocument readBack = rejectedRoundOne(NullNode.getInstance());
        ReviewQueueDocument inBatch = rejectedRoundOne(null);
        ModelSubmittedForReview resubmitted = new ModelSubmittedForReview("id-1", "m", ModelType.AUDIO,
                Visibility.PUBLIC, 2, OWNER, DEFINITION, "readme, now with a licence");
        EventFacts facts = new EventFacts("event-3", 3, Instant.parse("2026-11-27T10:00:00Z"), OWNER, "c", "r");

        ReviewQueueDocument fromReadBack = ReviewQueueApplier.apply(readBack, resubmitted, facts).orElseThrow();
        ReviewQueueDocument fromBatch = ReviewQueueApplier.apply(inBatch, resubmitted, facts).orElseThrow();

        assertThat(fromReadBack.firstSubmission()).isTrue();
        assertThat(fromReadBack.changedPaths()).isEmpty();
        assertThat(fromReadBack).isEqualTo(fromBatch);
    }

    private static ReviewQueueDocument rejectedRoundOne(JsonNode lastApprovedDefinition) {
        return new ReviewQueueDocument("id-1", "m", ModelType.AUDIO, Visibility.PUBLIC, OWNER, ModelStatus.REJECTED,
                false, 1, OWNER, Instant.parse("2026-11-27T09:00:00Z"), DEFINITION, "readme", lastApprovedDefinition,
                null, true, List.of(), false, 2);
    }
}
