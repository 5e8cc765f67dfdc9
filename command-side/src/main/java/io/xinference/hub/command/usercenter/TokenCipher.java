package io.xinference.hub.command.usercenter;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Authenticated encryption (AES-256-GCM, the JDK's own implementation) of a person's GitHub token at rest. The
 * person's subject is bound in as associated data, so a ciphertext copied to another person's row does not decrypt.
 */
public final class TokenCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param base64Key 32 random bytes, base64: e.g. {@code openssl rand -base64 32} */
    public TokenCipher(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the token encryption key is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("the token encryption key must be 32 bytes, is " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public SealedToken seal(String token, String subject) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, subject);
            return new SealedToken(nonce, cipher.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String open(SealedToken sealed, String subject) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, sealed.nonce(), subject);
            return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored GitHub token does not decrypt with this key and owner", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String subject) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** What is stored: never the token itself. */
    public record SealedToken(byte[] nonce, byte[] ciphertext) {
        @Override
        public String toString() {
            return "SealedToken[redacted]";
        }
    }
}
