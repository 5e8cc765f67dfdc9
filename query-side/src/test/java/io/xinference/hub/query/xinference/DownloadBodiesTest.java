package io.xinference.hub.query.xinference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.query.catalogue.CatalogueDocument;
import io.xinference.hub.query.catalogue.CatalogueProjection.CatalogueChanged;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DownloadBodiesTest {

    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
    final ObjectMapper json = new ObjectMapper();
    final FakeSource source = new FakeSource();
    final MutableClock clock = new MutableClock(T0);
    final DownloadBodies bodies = new DownloadBodies(source, json, clock);

    CatalogueDocument doc(String name, Instant expiresAt) {
        return new CatalogueDocument(name, name, name, ModelType.LLM, Visibility.PUBLIC, ModelStatus.APPROVED, null,
                json.createObjectNode().put("model_name", name), null, null, List.of(), List.of(), List.of(),
                List.of(), false, expiresAt, T0, T0, 100, 1, null, List.of());
    }

    List<String> names(PreparedBody body) throws Exception {
        List<String> names = new ArrayList<>();
        for (JsonNode entry : json.readTree(body.json())) {
            names.add(entry.path("model_name").asText());
        }
        return names;
    }

    @Test
    void aBodyIsBuiltOnceAndReusedUntilAChange() throws Exception {
        source.documents = List.of(doc("a", null));
        PreparedBody first = bodies.body(ModelType.LLM);
        assertThat(bodies.body(ModelType.LLM)).isSameAs(first);
        assertThat(source.reads).isEqualTo(1);

        source.documents = List.of(doc("a", null), doc("b", null));
        bodies.onCatalogueChanged(new CatalogueChanged(Set.of(ModelType.EMBEDDING)));
        assertThat(bodies.body(ModelType.LLM)).as("another type changed").isSameAs(first);
        bodies.onCatalogueChanged(new CatalogueChanged(Set.of(ModelType.LLM)));
        PreparedBody second = bodies.body(ModelType.LLM);
        assertThat(names(second)).containsExactly("a", "b");
        assertThat(second.etag()).isNotEqualTo(first.etag());
        assertThat(source.reads).isEqualTo(2);
    }

    @Test
    void anEntryLeavesTheBodyWhenItsExpirationDatePassesWithoutAnyEvent() throws Exception {
        source.documents = List.of(doc("stays", null), doc("expires", T0.plusSeconds(60)));
        assertThat(names(bodies.body(ModelType.LLM))).containsExactly("stays", "expires");
        clock.now = T0.plusSeconds(60);
        assertThat(names(bodies.body(ModelType.LLM))).containsExactly("stays");
    }

    @Test
    void theLastGoodBodyIsServedWhileTheSourceFails() throws Exception {
        source.documents = List.of(doc("a", null));
        PreparedBody good = bodies.body(ModelType.LLM);
        source.failing = true;
        bodies.onCatalogueChanged(new CatalogueChanged(Set.of(ModelType.LLM)));
        assertThat(bodies.body(ModelType.LLM)).isSameAs(good);
        assertThatThrownBy(() -> bodies.body(ModelType.AUDIO)).as("nothing good yet").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aChangedSignatureFromAnotherInstanceTriggersARebuild() throws Exception {
        source.documents = List.of(doc("a", null));
        source.signatures = Map.of("llm", 10.0);
        bodies.pollForChanges();
        PreparedBody first = bodies.body(ModelType.LLM);
        bodies.pollForChanges();
        assertThat(bodies.body(ModelType.LLM)).as("same signature").isSameAs(first);
        source.signatures = Map.of("llm", 12.0);
        source.documents = List.of(doc("a", null), doc("c", null));
        bodies.pollForChanges();
        assertThat(names(bodies.body(ModelType.LLM))).containsExactly("a", "c");
    }

    static final class FakeSource implements DownloadSource {
        List<CatalogueDocument> documents = List.of();
        Map<String, Double> signatures = Map.of();
        boolean failing;
        int reads;

        @Override
        public List<CatalogueDocument> approvedPublic(ModelType type) {
            if (failing) {
                throw new IllegalStateException("search backend down");
            }
            reads++;
            return type == ModelType.LLM ? documents : List.of();
        }

        @Override
        public Map<String, Double> changeSignatures() {
            return signatures;
        }
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
