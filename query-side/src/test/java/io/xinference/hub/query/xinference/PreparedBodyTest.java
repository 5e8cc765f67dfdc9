package io.xinference.hub.query.xinference;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class PreparedBodyTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void aBodyIsStaleAfterAChangeOrOnceItsFirstEntryExpires() {
        PreparedBody body = new PreparedBody(new byte[0], new byte[0], "\"t\"", 7, NOW.plusSeconds(60), 1);
        assertThat(body.freshAt(7, NOW)).isTrue();
        assertThat(body.freshAt(8, NOW)).isFalse();
        assertThat(body.freshAt(7, NOW.plusSeconds(60))).isFalse();
        assertThat(new PreparedBody(new byte[0], new byte[0], "\"t\"", 7, null, 0).freshAt(7, NOW.plusSeconds(999_999)))
                .isTrue();
    }

    @Test
    void theGzipRepresentationHasItsOwnTag() {
        assertThat(new PreparedBody(new byte[0], new byte[0], "\"abc\"", 1, null, 0).gzipEtag()).isEqualTo("\"abc-gzip\"");
    }

    @Test
    void tagsFollowTheBytesAndGzipRoundTrips() throws Exception {
        byte[] json = "[{\"model_name\":\"m\"}]".getBytes(StandardCharsets.UTF_8);
        assertThat(DownloadBodies.etag(json)).isEqualTo(DownloadBodies.etag(json.clone()));
        assertThat(DownloadBodies.etag(json)).isNotEqualTo(DownloadBodies.etag("[]".getBytes(StandardCharsets.UTF_8)));
        assertThat(new GZIPInputStream(new ByteArrayInputStream(DownloadBodies.gzip(json))).readAllBytes()).isEqualTo(json);
    }
}
