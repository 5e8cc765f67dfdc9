package io.xinference.hub.query.integrity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a stored event row, and the chain links. Every field is written with its length first (and a
 * marker for null), so no two different rows can produce the same byte sequence by shifting bytes between
 * neighbouring fields. A link is {@code SHA-256(previous link || event hash)}; the first link of a chain uses
 * {@link #GENESIS}. Pure.
 */
public final class EventHashes {

    /** The "previous link" of the first event of a chain. */
    public static final byte[] GENESIS = new byte[32];

    private EventHashes() {
    }

    public static byte[] hash(StoredEventRow row) {
        MessageDigest digest = sha256();
        digest.update("hub-event-v1".getBytes(StandardCharsets.US_ASCII));
        field(digest, row.globalIndex());
        field(digest, row.eventIdentifier());
        field(digest, row.aggregateIdentifier());
        field(digest, row.sequenceNumber());
        field(digest, row.type());
        field(digest, row.timeStamp());
        field(digest, row.payloadType());
        field(digest, row.payloadRevision());
        field(digest, row.payload());
        field(digest, row.metaData());
        return digest.digest();
    }

    public static byte[] link(byte[] previous, byte[] eventHash) {
        MessageDigest digest = sha256();
        digest.update(previous);
        digest.update(eventHash);
        return digest.digest();
    }

    public static String hex(byte[] hash) {
        return hash == null ? null : HexFormat.of().formatHex(hash);
    }

    private static void field(MessageDigest digest, long value) {
        digest.update(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
    }

    private static void field(MessageDigest digest, String value) {
        field(digest, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(MessageDigest digest, byte[] value) {
        if (value == null) {
            field(digest, -1L);
            return;
        }
        field(digest, (long) value.length);
        digest.update(value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
