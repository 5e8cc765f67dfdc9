package io.xinference.hub.query.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.devstack.Fixtures;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.query.audittrail.AuditEntry;
import io.xinference.hub.query.catalogue.CatalogueDocument;
import io.xinference.hub.query.catalogue.ReviewRound;
import io.xinference.hub.query.reviewqueue.ReviewQueueDocument;
import io.xinference.hub.events.sync.RepositorySyncPullRequestOpened;
import io.xinference.hub.events.sync.RepositorySyncPullRequestUpdated;
import io.xinference.hub.security.HubPermission;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Every event type reaches the catalogue, the review queue and the audit trail as it should. */
class ProjectionsIT extends QuerySideITSupport {

    private static final Actor OWNER = new Actor("owner-" + RUN, "olga");

    @Test
    void everyEventTypeLandsInTheCatalogueTheReviewQueueAndTheAuditTrail() {
        ObjectNode definition = Fixtures.definition("llm");
        definition.put("model_name", "lifecycle-" + RUN);
        EventStoreFixture.Model m = EventStoreFixture.model("lifecycle-" + RUN, ModelType.LLM, Visibility.PUBLIC, OWNER);

        events.register(m, definition, ModelStatus.PENDING_REVIEW, null);                         // 0
        CatalogueDocument registered = awaitCatalogue(m.id(), 0);
        assertThat(registered.status()).isEqualTo(ModelStatus.PENDING_REVIEW);
        assertThat(registered.owner()).isEqualTo(OWNER);
        assertThat(registered.definition()).isEqualTo(definition);
        assertThat(registered.abilities()).containsExactly("chat", "reasoning", "tools");
        assertThat(registered.languages()).containsExactly("en", "zh");
        assertThat(registered.formats()).contains("pytorch", "awq");
        assertThat(registered.sizesInBillions()).containsExactly(32.0);
        assertThat(registered.description()).startsWith("QwQ is the reasoning model");
        assertThat(registered.reviewRounds()).extracting(ReviewRound::round, ReviewRound::decision)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, null));
        ReviewQueueDocument queued = awaitReview(m.id(), 0);
        assertThat(queued.pending()).isTrue();
        assertThat(queued.firstSubmission()).isTrue();

        events.reject(m, 1, "needs a licence section");                                           // 1
        ObjectNode changed = definition.deepCopy();
        changed.put("context_length", 65536);
        events.updateDefinition(m, changed, ModelStatus.REJECTED);                                 // 2
        events.updateReadme(m, "# new readme with licence");                                      // 3
        events.submit(m, 2, changed, "# new readme with licence");                                 // 4
        events.withdraw(m, 2);                                                                     // 5
        events.submit(m, 3, changed, "# new readme with licence");                                 // 6
        events.approve(m, 3, changed);                                                             // 7
        Instant expiry = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        events.setExpiration(m, expiry);                                                           // 8
        CatalogueDocument approved = awaitCatalogue(m.id(), 8);
        assertThat(approved.status()).isEqualTo(ModelStatus.APPROVED);
        assertThat(approved.definition().path("context_length").asInt()).isEqualTo(65536);
        assertThat(approved.readme()).isEqualTo("# new readme with licence");
        assertThat(approved.expiresAt()).isEqualTo(expiry);
        assertThat(approved.reviewRounds()).extracting(ReviewRound::round, ReviewRound::decision).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, ReviewRound.REJECTED),
                org.assertj.core.groups.Tuple.tuple(2, ReviewRound.WITHDRAWN),
                org.assertj.core.groups.Tuple.tuple(3, ReviewRound.APPROVED));
        assertThat(approved.reviewRounds().get(0).feedback()).isEqualTo("needs a licence section");
        assertThat(approved.reviewRounds().get(2).reviewer()).isEqualTo(EventStoreFixture.REVIEWER);
        assertThat(approved.updatedAtEpochSeconds()).isGreaterThanOrEqualTo(registered.updatedAtEpochSeconds() + 8);
        ReviewQueueDocument decided = awaitReview(m.id(), 8);
        assertThat(decided.pending()).isFalse();
        assertThat(decided.lastApprovedDefinition()).isEqualTo(changed);

        // a later submission shows what changed since the approved version
        ObjectNode again = changed.deepCopy();
        again.put("model_description", "changed description");
        events.updateDefinition(m, again, ModelStatus.DRAFT);                                      // 9
        events.submit(m, 4, again, "# new readme with licence");                                   // 10
        ReviewQueueDocument resubmitted = awaitReview(m.id(), 10);
        assertThat(resubmitted.pending()).isTrue();
        assertThat(resubmitted.firstSubmission()).isFalse();
        assertThat(resubmitted.changedPaths()).containsExactly("/model_description");
        events.approve(m, 4, again);                                                               // 11

        events.expire(m);                                                                          // 12
        assertThat(awaitCatalogue(m.id(), 12).status()).isEqualTo(ModelStatus.EXPIRED);
        events.delete(m);                                                                          // 13
        CatalogueDocument deleted = awaitCatalogue(m.id(), 13);
        assertThat(deleted.status()).isEqualTo(ModelStatus.DELETED);
        assertThat(deleted.definition()).isEqualTo(again);

        // one audit entry per event, with the actor from the metadata
        AuditEntry approval = await().atMost(PROJECTION_WAIT).until(
                () -> elasticsearchGet(indices.auditTrail(), m.id() + ":7", AuditEntry.class).orElse(null),
                entry -> entry != null);
        assertThat(approval.action()).isEqualTo("ModelApproved");
        assertThat(approval.actor()).isEqualTo(EventStoreFixture.REVIEWER);
        assertThat(approval.correlationId()).isNotBlank();
        assertThat(approval.summary()).contains("approved", "lifecycle-" + RUN);
        for (int sequence = 0; sequence <= 13; sequence++) {
            int s = sequence;
            await().atMost(PROJECTION_WAIT).until(
                    () -> elasticsearchGet(indices.auditTrail(), m.id() + ":" + s, AuditEntry.class).isPresent());
        }
    }

    @Test
    void pullRequestsOfTheRepositorySyncShowOnTheModelPageAndInTheAuditTrail() throws Exception {
        ObjectNode definition = Fixtures.definition("video");
        definition.put("model_name", "synced-" + RUN);
        EventStoreFixture.Model m = EventStoreFixture.model("synced-" + RUN, ModelType.VIDEO, Visibility.PUBLIC, OWNER);
        events.register(m, definition, ModelStatus.APPROVED, null);
        events.publish(new RepositorySyncPullRequestOpened(m.id(), m.name(), ModelType.VIDEO, "xorbitsai/inference",
                4242, "https://github.com/xorbitsai/inference/pull/4242", "chore/models-sync/synced",
                "FEAT: [model] synced support"), Actor.SYSTEM);
        events.publish(new RepositorySyncPullRequestUpdated(m.id(), m.name(), ModelType.VIDEO, "xorbitsai/inference",
                4242, "https://github.com/xorbitsai/inference/pull/4242", "chore/models-sync/synced",
                "ENH: update model \"synced\" JSON"), Actor.SYSTEM);
        awaitCatalogue(m.id(), 0);
        JsonNode detail = await().atMost(PROJECTION_WAIT).until(() -> {
            refreshIndices();
            return json(mvc.perform(get("/api/catalogue/models/" + m.id())).andReturn().getResponse()
                    .getContentAsString());
        }, page -> page.path("pullRequests").size() == 1
                && page.path("pullRequests").get(0).path("lastAction").asText().equals("UPDATED"));
        JsonNode pullRequest = detail.path("pullRequests").get(0);
        assertThat(pullRequest.path("number").asInt()).isEqualTo(4242);
        assertThat(pullRequest.path("url").asText()).isEqualTo("https://github.com/xorbitsai/inference/pull/4242");
        assertThat(pullRequest.path("title").asText()).startsWith("ENH: update model");

        Personas auditor = Personas.of("audrey", "audrey-" + RUN, HubPermission.AUDIT_READ);
        JsonNode trail = await().atMost(PROJECTION_WAIT).until(() -> {
            refreshIndices();
            return json(mvc.perform(get("/api/audit-trail?modelId=" + m.id()).with(auditor.token())).andReturn()
                    .getResponse().getContentAsString());
        }, page -> page.path("total").asInt() == 3);
        assertThat(trail.path("items").findValuesAsText("action")).containsExactlyInAnyOrder("ModelRegistered",
                "RepositorySyncPullRequestOpened", "RepositorySyncPullRequestUpdated");
    }

    private ReviewQueueDocument awaitReview(String modelId, long version) {
        return await().atMost(PROJECTION_WAIT).until(
                () -> elasticsearchGet(indices.reviewQueue(), modelId, ReviewQueueDocument.class).orElse(null),
                document -> document != null && document.version() >= version);
    }
}
