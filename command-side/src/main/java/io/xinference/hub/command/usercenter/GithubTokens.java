package io.xinference.hub.command.usercenter;

import io.xinference.hub.command.sync.GithubTokenSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Stores, clears and reads people's GitHub tokens. The encrypted row and the event that says it changed are
 * written in one transaction: the event store joins it. Tokens are never logged, returned over HTTP, or put in
 * events; {@link #tokenOf} exists for the repository-sync process only, which opens pull requests with it.
 */
@Service
public class GithubTokens implements GithubTokenSource {

    /** Classic ({@code ghp_...}, OAuth/app tokens) and fine-grained ({@code github_pat_...}) GitHub tokens. */
    static final Pattern TOKEN_SHAPE = Pattern.compile("(gh[pousr]_[A-Za-z0-9]{20,251}|github_pat_[A-Za-z0-9_]{20,244})");

    private final StoredGithubTokens stored;
    private final CommandGateway commands;
    private final Optional<TokenCipher> cipher;
    private final Clock clock;

    public GithubTokens(StoredGithubTokens stored, CommandGateway commands,
                        @Value("${hub.user-center.token-encryption-key:}") String key, Optional<Clock> clock) {
        this.stored = stored;
        this.commands = commands;
        this.cipher = key.isBlank() ? Optional.empty() : Optional.of(new TokenCipher(key));
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public boolean storageConfigured() {
        return cipher.isPresent();
    }

    @Transactional
    public void set(String subject, String username, String token) {
        TokenCipher tokenCipher = cipher.orElseThrow(TokenStorageNotConfigured::new);
        if (token == null || !TOKEN_SHAPE.matcher(token).matches()) {
            throw new MalformedGithubToken();
        }
        TokenCipher.SealedToken sealed = tokenCipher.seal(token, subject);
        Instant now = clock.instant();
        stored.findById(subject).ifPresentOrElse(row -> row.replace(sealed, now),
                () -> stored.save(new StoredGithubToken(subject, sealed, now)));
        commands.sendAndWait(new UserAccount.RecordGithubTokenSet(subject, username));
    }

    @Transactional
    public void clear(String subject, String username) {
        if (stored.existsById(subject)) {
            stored.deleteById(subject);
            commands.sendAndWait(new UserAccount.RecordGithubTokenCleared(subject, username));
        }
    }

    @Transactional(readOnly = true)
    public Optional<Instant> lastSet(String subject) {
        return stored.findById(subject).map(StoredGithubToken::updatedAt);
    }

    /** The decrypted token, for opening pull requests in the person's name. */
    @Override
    @Transactional(readOnly = true)
    public Optional<String> tokenOf(String subject) {
        return cipher.flatMap(tokenCipher -> stored.findById(subject)
                .map(row -> tokenCipher.open(row.sealed(), subject)));
    }

    static final class TokenStorageNotConfigured extends RuntimeException {
        TokenStorageNotConfigured() {
            super("storing GitHub tokens is not configured on this hub (hub.user-center.token-encryption-key)");
        }
    }

    static final class MalformedGithubToken extends RuntimeException {
        MalformedGithubToken() {
            // never echo the token back: it may be a real secret pasted into the wrong field
            super("this is not a GitHub token: expected a classic (ghp_...) or fine-grained (github_pat_...) token");
        }
    }
}
