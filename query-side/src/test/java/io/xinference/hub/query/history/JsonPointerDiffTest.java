package io.xinference.hub.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.xinference.hub.query.history.JsonPointerDiff.Operation.ADDED;
import static io.xinference.hub.query.history.JsonPointerDiff.Operation.CHANGED;
import static io.xinference.hub.query.history.JsonPointerDiff.Operation.REMOVED;
import static org.assertj.core.api.Assertions.assertThat;

class JsonPointerDiffTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void equalDocumentsHaveNoChanges() throws Exception {
        assertThat(JsonPointerDiff.between(json.readTree("{\"a\":[1,{\"b\":2}]}"),
                json.readTree("{\"a\":[1,{\"b\":2}]}"))).isEmpty();
    }

    @Test
    void namesTheChangedLeafInsideObjectsAndArrays() throws Exception {
        List<JsonPointerDiff.Change> changes = JsonPointerDiff.between(
                json.readTree("{\"specs\":[{\"size\":7,\"format\":\"pytorch\"}],\"name\":\"m\"}"),
                json.readTree("{\"specs\":[{\"size\":8,\"format\":\"pytorch\"}],\"name\":\"m\"}"));
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.pointer()).isEqualTo("/specs/0/size");
            assertThat(change.operation()).isEqualTo(CHANGED);
            assertThat(change.before().asInt()).isEqualTo(7);
            assertThat(change.after().asInt()).isEqualTo(8);
        });
    }

    @Test
    void reportsAddedAndRemovedKeysAndArrayElements() throws Exception {
        List<JsonPointerDiff.Change> changes = JsonPointerDiff.between(
                json.readTree("{\"old\":1,\"langs\":[\"en\",\"zh\"]}"),
                json.readTree("{\"new\":2,\"langs\":[\"en\"]}"));
        assertThat(changes).extracting(JsonPointerDiff.Change::pointer, JsonPointerDiff.Change::operation)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("/old", REMOVED),
                        org.assertj.core.groups.Tuple.tuple("/new", ADDED),
                        org.assertj.core.groups.Tuple.tuple("/langs/1", REMOVED));
    }

    @Test
    void escapesSlashAndTildeInKeysAsRfc6901Says() throws Exception {
        assertThat(JsonPointerDiff.between(json.readTree("{\"a/b\":{\"c~d\":1}}"),
                json.readTree("{\"a/b\":{\"c~d\":2}}"))).extracting(JsonPointerDiff.Change::pointer)
                .containsExactly("/a~1b/c~0d");
    }

    @Test
    void aChangedKindOfValueIsOneChangeAtItsPath() throws Exception {
        assertThat(JsonPointerDiff.between(json.readTree("{\"a\":[1]}"), json.readTree("{\"a\":{\"x\":1}}")))
                .extracting(JsonPointerDiff.Change::pointer, JsonPointerDiff.Change::operation)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/a", CHANGED));
    }

    @Test
    void aMissingSideIsAWholeDocumentAddition() throws Exception {
        assertThat(JsonPointerDiff.between(null, json.readTree("{\"a\":1}")))
                .extracting(JsonPointerDiff.Change::pointer, JsonPointerDiff.Change::operation)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("", ADDED));
    }
}
