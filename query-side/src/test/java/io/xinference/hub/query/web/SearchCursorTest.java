package io.xinference.hub.query.web;

import co.elastic.clients.elasticsearch._types.FieldValue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchCursorTest {

    @Test
    void roundTripsSortValues() {
        List<FieldValue> values = List.of(FieldValue.of(true), FieldValue.of(1700000000000L), FieldValue.of(1.5),
                FieldValue.of("model-id"));
        List<FieldValue> decoded = SearchCursor.decode(SearchCursor.encode(values), 4);
        assertThat(decoded.get(0).booleanValue()).isTrue();
        assertThat(decoded.get(1).longValue()).isEqualTo(1700000000000L);
        assertThat(decoded.get(2).doubleValue()).isEqualTo(1.5);
        assertThat(decoded.get(3).stringValue()).isEqualTo("model-id");
    }

    @Test
    void rejectsForgedOrMismatchedCursorsAsBadRequests() {
        assertThatThrownBy(() -> SearchCursor.decode("not base64 !", 2)).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> SearchCursor.decode(SearchCursor.encode(List.of(FieldValue.of("a"))), 2))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> SearchCursor.decode("x".repeat(2000), 2)).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> SearchCursor.decode("eyJhIjoxfQ", 1)).isInstanceOf(BadRequestException.class);
    }
}
