package io.xinference.hub.query.xinference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpPreconditionsTest {

    @Test
    void ifNoneMatchComparesWeaklyAndAcceptsLists() {
        assertThat(HttpPreconditions.noneMatchHits("\"a\"", "\"a\"")).isTrue();
        assertThat(HttpPreconditions.noneMatchHits("W/\"a\"", "\"a\"")).isTrue();
        assertThat(HttpPreconditions.noneMatchHits("\"x\", \"a-gzip\"", "\"a\"", "\"a-gzip\"")).isTrue();
        assertThat(HttpPreconditions.noneMatchHits("*", "\"a\"")).isTrue();
        assertThat(HttpPreconditions.noneMatchHits("\"b\"", "\"a\"")).isFalse();
        assertThat(HttpPreconditions.noneMatchHits(null, "\"a\"")).isFalse();
    }

    @Test
    void gzipIsAcceptedUnlessRefused() {
        assertThat(HttpPreconditions.acceptsGzip("gzip, deflate")).isTrue();
        assertThat(HttpPreconditions.acceptsGzip("br;q=1.0, gzip;q=0.8")).isTrue();
        assertThat(HttpPreconditions.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(HttpPreconditions.acceptsGzip("identity")).isFalse();
        assertThat(HttpPreconditions.acceptsGzip(null)).isFalse();
    }
}
