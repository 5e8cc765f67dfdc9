package io.xinference.hub.query.reviewqueue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DefinitionDiffTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void namesTheChangedAddedAndRemovedPaths() throws Exception {
        var before = json.readTree("{\"a\": 1, \"b\": {\"c\": [1, 2], \"d\": \"x\"}, \"gone\": true, \"a/b\": 1}");
        var after = json.readTree("{\"a\": 1, \"b\": {\"c\": [1, 3], \"d\": \"x\"}, \"new\": 2, \"a/b\": 2}");
        assertThat(DefinitionDiff.changedPaths(before, after))
                .containsExactlyInAnyOrder("/b/c", "/gone", "/new", "/a~1b");
    }

    @Test
    void identicalDefinitionsHaveNoChanges() throws Exception {
        var definition = json.readTree("{\"a\": {\"b\": [1]}}");
        assertThat(DefinitionDiff.changedPaths(definition, definition.deepCopy())).isEmpty();
    }
}
