package io.xinference.hub.command.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * How a delivery proves it comes from the hub: {@code X-Hub-Signature-256: sha256=<hex>} is HMAC-SHA256, keyed with
 * the webhook's secret, of {@code <X-Hub-Timestamp> + "." + <body>}. The timestamp (Unix seconds) is signed with the
 * body, so a receiver that refuses old timestamps cannot be fed a recorded delivery again.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    public static final String TIMESTAMP_HEADER = "X-Hub-Timestamp";
    public static final String DELIVERY_HEADER = "X-Hub-Delivery";
    public static final String EVENT_HEADER = "X-Hub-Event";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * What a receiver does: the signature matches (compared in constant time) and the timestamp is within
     * {@code tolerance} of {@code now}.
     */
    public static boolean verify(String secret, String timestampHeader, String body, String signatureHeader,
                                 Instant now, Duration tolerance) {
        if (timestampHeader == null || signatureHeader == null || body == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Duration.between(Instant.ofEpochSecond(timestamp), now).abs().compareTo(tolerance) > 0) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signatureHeader.strip().getBytes(StandardCharsets.UTF_8));
    }
}
