package io.xinference.hub.command.webhook;

import io.xinference.hub.command.usercenter.TokenCipher;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Makes and keeps webhook signing secrets: 32 random bytes, sealed at rest with the hub's token key
 * ({@code hub.user-center.token-encryption-key}, the one that protects GitHub tokens) bound to the webhook's id, so
 * a database dump does not let anyone sign deliveries.
 */
public class WebhookSecrets {

    private final SecureRandom random = new SecureRandom();
    private final Optional<TokenCipher> cipher;

    public WebhookSecrets(Optional<TokenCipher> cipher) {
        this.cipher = cipher;
    }

    public boolean available() {
        return cipher.isPresent();
    }

    public String generate() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public TokenCipher.SealedToken seal(String secret, String webhookId) {
        return cipher.orElseThrow(SecretStorageUnavailable::new).seal(secret, webhookId);
    }

    public String open(TokenCipher.SealedToken sealed, String webhookId) {
        return cipher.orElseThrow(SecretStorageUnavailable::new).open(sealed, webhookId);
    }

    static final class SecretStorageUnavailable extends RuntimeException {
        SecretStorageUnavailable() {
            super("webhooks need the hub's secret key (hub.user-center.token-encryption-key), which is not configured");
        }
    }
}
