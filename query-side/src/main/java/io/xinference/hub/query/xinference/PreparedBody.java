package io.xinference.hub.query.xinference;

import java.time.Instant;

/**
 * One model type's download answer, ready to send: the JSON bytes, their gzip, the entity tag, the catalogue
 * generation it was built from, and when the first of its entries expires (the body is rebuilt then, even if no
 * event arrives — an expiration date passing is not an event until the command side's deadline fires).
 */
public record PreparedBody(byte[] json, byte[] gzip, String etag, long generation, Instant nextExpiry,
                           int entries) {

    public String gzipEtag() {
        return etag.substring(0, etag.length() - 1) + "-gzip\"";
    }

    public boolean freshAt(long currentGeneration, Instant now) {
        return generation == currentGeneration && (nextExpiry == null || now.isBefore(nextExpiry));
    }
}
