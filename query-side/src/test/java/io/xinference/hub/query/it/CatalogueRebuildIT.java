package io.xinference.hub.query.it;

import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.devstack.Fixtures;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.query.catalogue.CatalogueDocument;
import io.xinference.hub.query.history.ModelHistory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.xinference.hub.security.HubPermission.ADMIN;
import static io.xinference.hub.security.HubPermission.AUDIT_READ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A catalogue rebuild under concurrent reads and writes: no read fails or comes back short, the alias moves to
 * a fresh index, and that index ends with the same documents and versions as the live projection.
 */
class CatalogueRebuildIT extends QuerySideITSupport {

    private static final Duration REBUILD_WAIT = Duration.ofMinutes(3);
    private static final Actor OWNER = new Actor("rebuild-owner-" + RUN, "rebecca-" + RUN);
    private static final Personas ADMIN_USER = Personas.of("adam", "adam-" + RUN, ADMIN);
    private static final Personas AUDITOR = Personas.of("audrey", "audrey-" + RUN, AUDIT_READ);
    private static final int MODELS = 6;

    @Autowired
    ModelHistory history;

    @Test
    void aRebuildUnderConcurrentReadsAndWritesEndsEqualToTheLiveProjection() throws Exception {
        List<EventStoreFixture.Model> models = new ArrayList<>();
        for (int i = 0; i < MODELS; i++) {
            EventStoreFixture.Model m = EventStoreFixture.model("rebuild-" + i + "-" + RUN, ModelType.AUDIO,
                    Visibility.PUBLIC, OWNER);
            models.add(m);
            events.register(m, definition(m), ModelStatus.APPROVED, null);
            events.updateReadme(m, "first readme of " + m.name());
        }
        models.forEach(m -> awaitCatalogue(m.id(), 1));
        List<String> indicesBefore = indicesBehindCatalogue();

        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<String> badReads = new ConcurrentLinkedQueue<>();
        AtomicInteger reads = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                try {
                    MockHttpServletResponse response = mvc.perform(get("/api/catalogue/models?size=100&owner="
                            + OWNER.username())).andReturn().getResponse();
                    long total = json(response.getContentAsString()).path("total").asLong(-1);
                    if (response.getStatus() != 200 || total != MODELS) {
                        badReads.add(response.getStatus() + " total=" + total);
                    }
                    reads.incrementAndGet();
                } catch (Exception e) {
                    badReads.add(e.toString());
                }
            }
        }, "rebuild-it-reader");
        AtomicInteger writes = new AtomicInteger();
        Thread writer = new Thread(() -> {
            while (!stop.get()) {
                EventStoreFixture.Model m = models.get(writes.get() % MODELS);
                events.updateReadme(m, "readme #" + writes.incrementAndGet() + " of " + m.name());
            }
        }, "rebuild-it-writer");
        reader.start();
        writer.start();
        JsonNode done;
        try {
            await().atMost(REBUILD_WAIT).until(() -> writes.get() >= MODELS && reads.get() >= 1);
            MockHttpServletResponse started = mvc.perform(post("/api/admin/rebuilds/catalogue")
                    .with(ADMIN_USER.token())).andReturn().getResponse();
            assertThat(started.getStatus()).as(started.getContentAsString()).isEqualTo(202);
            String id = json(started.getContentAsString()).path("id").asText();
            assertThat(started.getHeader("Location")).endsWith("/api/admin/rebuilds/" + id);
            done = await().atMost(REBUILD_WAIT).until(() -> rebuild(id),
                    status -> !status.path("phase").asText().matches("BUILDING|SWAPPING"));
            // keep reading and writing a little after the swap, through the moved alias
            int readsAtSwap = reads.get();
            int writesAtSwap = writes.get();
            await().atMost(REBUILD_WAIT).until(() -> reads.get() > readsAtSwap + 3 && writes.get() > writesAtSwap + 3);
        } finally {
            stop.set(true);
            reader.join(TimeUnit.MINUTES.toMillis(1));
            writer.join(TimeUnit.MINUTES.toMillis(1));
        }

        assertThat(done.path("phase").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.path("eventsDone").asLong()).isGreaterThanOrEqualTo(MODELS * 2L);
        assertThat(done.path("eventsTotal").asLong()).isGreaterThanOrEqualTo(done.path("eventsDone").asLong());
        assertThat(badReads).as("reads during the rebuild that failed or came back short").isEmpty();
        String fresh = done.path("newIndex").asText();
        assertThat(indicesBehindCatalogue()).containsExactly(fresh);
        assertThat(indicesBefore).doesNotContain(fresh);

        for (EventStoreFixture.Model m : models) {
            CatalogueDocument live = awaitCatalogue(m.id(), events.version(m.id()));
            assertThat(live.version()).isEqualTo(events.version(m.id()));
            assertThat(asJson(live)).isEqualTo(asJson(history.stateAtVersion(m.id(), live.version()).orElseThrow()));
        }
        // every document the old index had reached is in the fresh one, identical at the same version
        Map<String, CatalogueDocument> old = all(indicesBefore.get(0));
        Map<String, CatalogueDocument> rebuilt = all(fresh);
        assertThat(rebuilt.keySet()).containsAll(old.keySet());
        int identical = 0;
        for (Map.Entry<String, CatalogueDocument> before : old.entrySet()) {
            CatalogueDocument after = rebuilt.get(before.getKey());
            assertThat(after.version()).isGreaterThanOrEqualTo(before.getValue().version());
            if (after.version() == before.getValue().version()) {
                assertThat(asJson(after)).isEqualTo(asJson(before.getValue()));
                identical++;
            }
        }
        assertThat(identical).isGreaterThan(0);
    }

    @Test
    void aCancelledRebuildLeavesTheAliasWhereItWasAndOnlyAdminsRebuild() throws Exception {
        EventStoreFixture.Model m = EventStoreFixture.model("rebuild-cancel-" + RUN, ModelType.AUDIO,
                Visibility.PUBLIC, OWNER);
        events.register(m, definition(m), ModelStatus.APPROVED, null);
        awaitCatalogue(m.id(), 0);
        assertThat(mvc.perform(post("/api/admin/rebuilds/catalogue").with(AUDITOR.token())).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/api/admin/rebuilds/nothing").with(ADMIN_USER.token())).andReturn()
                .getResponse().getStatus()).isEqualTo(400);
        List<String> before = indicesBehindCatalogue();

        // hold the rebuild at its first read of the fresh index (a batch's multi-get), so the cancel lands while it builds
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        doAnswer(invocation -> {
            reached.countDown();
            release.await(1, TimeUnit.MINUTES);
            return invocation.callRealMethod();
        }).when(documentReader).findAll(argThat(index -> index.contains("catalogue-v2-r")), any(), any());
        String id;
        try {
            MockHttpServletResponse started = mvc.perform(post("/api/admin/rebuilds/catalogue")
                    .with(ADMIN_USER.token())).andReturn().getResponse();
            id = json(started.getContentAsString()).path("id").asText();
            assertThat(reached.await(2, TimeUnit.MINUTES)).isTrue();
            assertThat(mvc.perform(post("/api/admin/rebuilds/catalogue").with(ADMIN_USER.token())).andReturn()
                    .getResponse().getStatus()).isEqualTo(409);
            assertThat(mvc.perform(delete("/api/admin/rebuilds/" + id).with(ADMIN_USER.token())).andReturn()
                    .getResponse().getStatus()).isEqualTo(202);
        } finally {
            release.countDown();
            doCallRealMethod().when(documentReader).findAll(any(), any(), any());
        }
        JsonNode cancelled = await().atMost(REBUILD_WAIT).until(() -> rebuild(id),
                status -> !status.path("phase").asText().matches("BUILDING|SWAPPING"));
        assertThat(cancelled.path("phase").asText()).isEqualTo("CANCELLED");
        assertThat(indicesBehindCatalogue()).isEqualTo(before);
        String abandoned = cancelled.path("newIndex").asText();
        assertThat(elasticsearch.indices().exists(e -> e.index(abandoned)).value()).isFalse();
        assertThat(mvc.perform(get("/api/admin/rebuilds/no-such-id").with(ADMIN_USER.token())).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theReviewQueueAndTheAuditTrailRebuildToTheSameDocumentsAndVersions() throws Exception {
        EventStoreFixture.Model m = EventStoreFixture.model("rebuild-review-" + RUN, ModelType.AUDIO,
                Visibility.ENTERPRISE, OWNER);
        events.register(m, definition(m), ModelStatus.PENDING_REVIEW, null);
        events.reject(m, 1, "missing licence");
        long last = events.submit(m, 2, definition(m), "readme, now with a licence");
        await().atMost(PROJECTION_WAIT).until(() -> elasticsearchGet(indices.auditTrail(), m.id() + ":" + last,
                Map.class).isPresent() && elasticsearchGet(indices.reviewQueue(), m.id(), Map.class).isPresent());

        for (String projection : List.of("review-queue", "audit-trail")) {
            String alias = projection.equals("review-queue") ? indices.reviewQueue() : indices.auditTrail();
            String before = indicesBehind(alias).get(0);
            MockHttpServletResponse started = mvc.perform(post("/api/admin/rebuilds/" + projection)
                    .with(ADMIN_USER.token())).andReturn().getResponse();
            assertThat(started.getStatus()).as(started.getContentAsString()).isEqualTo(202);
            String id = json(started.getContentAsString()).path("id").asText();
            JsonNode done = await().atMost(REBUILD_WAIT).until(() -> rebuild(id),
                    status -> !status.path("phase").asText().matches("BUILDING|SWAPPING"));
            assertThat(done.path("phase").asText()).as(done.toString()).isEqualTo("DONE");
            String fresh = done.path("newIndex").asText();
            assertThat(indicesBehind(alias)).containsExactly(fresh);

            Map<String, Versioned> old = versioned(before);
            Map<String, Versioned> rebuilt = versioned(fresh);
            assertThat(old).isNotEmpty();
            assertThat(rebuilt.keySet()).containsAll(old.keySet());
            for (Map.Entry<String, Versioned> entry : old.entrySet()) {
                Versioned after = rebuilt.get(entry.getKey());
                assertThat(after.version()).as(projection + " " + entry.getKey())
                        .isGreaterThanOrEqualTo(entry.getValue().version());
                if (after.version() == entry.getValue().version()) {
                    assertThat(after.source()).as(projection + " " + entry.getKey()).isEqualTo(entry.getValue().source());
                }
            }
            assertThat(rebuilt.get(projection.equals("review-queue") ? m.id() : m.id() + ":" + last).version())
                    .isEqualTo(last);
        }
    }

    private record Versioned(long version, Map<?, ?> source) {
    }

    private Map<String, Versioned> versioned(String index) throws Exception {
        elasticsearch.indices().refresh(r -> r.index(index));
        Map<String, Versioned> documents = new HashMap<>();
        for (Hit<Map> hit : elasticsearch.search(s -> s.index(index).size(10_000).version(true)
                .query(q -> q.matchAll(a -> a)), Map.class).hits().hits()) {
            documents.put(hit.id(), new Versioned(hit.version(), hit.source()));
        }
        return documents;
    }

    private List<String> indicesBehind(String alias) throws Exception {
        return new ArrayList<>(elasticsearch.indices().getAlias(a -> a.name(alias)).result().keySet());
    }

    private JsonNode asJson(CatalogueDocument document) throws Exception {
        return objectMapper.readTree(objectMapper.writeValueAsString(document));
    }

    private JsonNode rebuild(String id) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/admin/rebuilds/" + id).with(ADMIN_USER.token()))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return json(response.getContentAsString());
    }

    private List<String> indicesBehindCatalogue() throws Exception {
        return new ArrayList<>(elasticsearch.indices().getAlias(a -> a.name(indices.catalogue())).result().keySet());
    }

    private Map<String, CatalogueDocument> all(String index) throws Exception {
        elasticsearch.indices().refresh(r -> r.index(index));
        Map<String, CatalogueDocument> documents = new HashMap<>();
        for (Hit<CatalogueDocument> hit : elasticsearch.search(s -> s.index(index).size(10_000)
                .query(q -> q.matchAll(a -> a)), CatalogueDocument.class).hits().hits()) {
            documents.put(hit.id(), hit.source());
        }
        return documents;
    }

    private static ObjectNode definition(EventStoreFixture.Model m) {
        ObjectNode definition = Fixtures.definition("audio");
        definition.put("model_name", m.name());
        return definition;
    }
}
