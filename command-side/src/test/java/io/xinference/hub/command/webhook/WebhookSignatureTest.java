package io.xinference.hub.command.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_test-secret";
    private static final String BODY = "{\"id\":\"e1\",\"kind\":\"model.approved\"}";
    private static final long TIMESTAMP = 1_790_000_000L;
    private static final Instant NOW = Instant.ofEpochSecond(TIMESTAMP + 10);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    void theSignatureIsHmacSha256OfTimestampDotBodyInHex() {
        // independently computed: python3 -c 'import hmac,hashlib; print(hmac.new(b"whsec_test-secret",
        //   b"1790000000.{\"id\":\"e1\",\"kind\":\"model.approved\"}",hashlib.sha256).hexdigest())'
        assertThat(WebhookSignature.sign(SECRET, TIMESTAMP, BODY))
                .isEqualTo("sha256=6c3a102ad18c306158947f6a681a5afdf3ae7d90ba3582328a0195a922f5c3a4");
    }

    @Test
    void aReceiverWithTheSecretVerifiesAFreshDelivery() {
        String signature = WebhookSignature.sign(SECRET, TIMESTAMP, BODY);

        assertThat(WebhookSignature.verify(SECRET, Long.toString(TIMESTAMP), BODY, signature, NOW, TOLERANCE)).isTrue();
    }

    @Test
    void aChangedBodyDoesNotVerify() {
        String signature = WebhookSignature.sign(SECRET, TIMESTAMP, BODY);

        assertThat(WebhookSignature.verify(SECRET, Long.toString(TIMESTAMP), BODY.replace("approved", "deleted"),
                signature, NOW, TOLERANCE)).isFalse();
    }

    @Test
    void anotherSecretDoesNotVerify() {
        String signature = WebhookSignature.sign("whsec_other", TIMESTAMP, BODY);

        assertThat(WebhookSignature.verify(SECRET, Long.toString(TIMESTAMP), BODY, signature, NOW, TOLERANCE)).isFalse();
    }

    @Test
    void aMovedTimestampDoesNotVerifyBecauseItIsSigned() {
        String signature = WebhookSignature.sign(SECRET, TIMESTAMP, BODY);

        assertThat(WebhookSignature.verify(SECRET, Long.toString(TIMESTAMP + 1), BODY, signature,
                NOW, TOLERANCE)).isFalse();
    }

    @Test
    void anOldDeliveryReplayedLaterIsRefused() {
        String signature = WebhookSignature.sign(SECRET, TIMESTAMP, BODY);

        assertThat(WebhookSignature.verify(SECRET, Long.toString(TIMESTAMP), BODY, signature,
                Instant.ofEpochSecond(TIMESTAMP).plus(Duration.ofMinutes(6)), TOLERANCE)).isFalse();
    }

    @Test
    void missingOrMalformedHeadersDoNotVerify() {
        String signature = WebhookSignature.sign(SECRET, TIMESTAMP, BODY);

        assertThat(WebhookSignature.verify(SECRET, null, BODY, signature, NOW, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "yesterday", BODY, signature, NOW, TOLERANCE)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, Long.toString(TIMESTAMP), BODY, null, NOW, TOLERANCE)).isFalse();
    }
}
