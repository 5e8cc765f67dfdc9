package io.xinference.hub.command.usercenter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One person's encrypted GitHub token. */
@Entity
@Table(name = "github_token")
class StoredGithubToken {

    @Id
    @Column(name = "user_subject")
    private String userSubject;

    @Column(name = "nonce", nullable = false)
    private byte[] nonce;

    @Column(name = "ciphertext", nullable = false)
    private byte[] ciphertext;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected StoredGithubToken() {
    }

    StoredGithubToken(String userSubject, TokenCipher.SealedToken sealed, Instant updatedAt) {
        this.userSubject = userSubject;
        replace(sealed, updatedAt);
    }

    void replace(TokenCipher.SealedToken sealed, Instant when) {
        this.nonce = sealed.nonce();
        this.ciphertext = sealed.ciphertext();
        this.updatedAt = when;
    }

    TokenCipher.SealedToken sealed() {
        return new TokenCipher.SealedToken(nonce, ciphertext);
    }

    Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "StoredGithubToken[" + userSubject + "]";
    }
}
