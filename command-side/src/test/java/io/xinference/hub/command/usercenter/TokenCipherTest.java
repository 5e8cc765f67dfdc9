package io.xinference.hub.command.usercenter;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";

    private final TokenCipher cipher = new TokenCipher(KEY);

    @Test
    void aSealedTokenOpensForItsOwner() {
        assertThat(cipher.open(cipher.seal(TOKEN, "alice-subject"), "alice-subject")).isEqualTo(TOKEN);
    }

    @Test
    void theCiphertextNeverContainsTheTokenAndDiffersEachTime() {
        TokenCipher.SealedToken first = cipher.seal(TOKEN, "alice-subject");
        TokenCipher.SealedToken second = cipher.seal(TOKEN, "alice-subject");
        assertThat(new String(first.ciphertext())).doesNotContain("abcdefghij");
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(first.toString()).doesNotContain(TOKEN);
    }

    @Test
    void aTokenCopiedToAnotherPersonDoesNotOpen() {
        TokenCipher.SealedToken alices = cipher.seal(TOKEN, "alice-subject");
        assertThatThrownBy(() -> cipher.open(alices, "bob-subject")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTamperedCiphertextDoesNotOpen() {
        TokenCipher.SealedToken sealed = cipher.seal(TOKEN, "alice-subject");
        sealed.ciphertext()[0] ^= 1;
        assertThatThrownBy(() -> cipher.open(sealed, "alice-subject")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> new TokenCipher(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new TokenCipher("not base64!")).hasMessageContaining("base64");
    }

    @Test
    void onlyGithubShapedTokensAreAccepted() {
        assertThat(GithubTokens.TOKEN_SHAPE.matcher(TOKEN).matches()).isTrue();
        assertThat(GithubTokens.TOKEN_SHAPE.matcher("github_pat_11ABCDEFG0123456789_abcdefghijklmnop").matches()).isTrue();
        assertThat(GithubTokens.TOKEN_SHAPE.matcher("password123").matches()).isFalse();
        assertThat(GithubTokens.TOKEN_SHAPE.matcher("ghp_short").matches()).isFalse();
    }
}
