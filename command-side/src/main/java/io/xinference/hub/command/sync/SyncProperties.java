package io.xinference.hub.command.sync;

import io.xinference.hub.command.outbox.RetryBackoff;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Where and how public models are proposed to Xinference's repository ({@code hub.sync.*}). The bot token comes
 * from {@code hub.sync.bot-token}, else the environment variable {@code HUB_GITHUB_TOKEN}.
 *
 * @param enabled          {@code false} turns the whole process off (nothing requested, nothing sent)
 * @param apiUrl           GitHub's REST API; tests point it at a local stub
 * @param repository       {@code owner/name} that receives the pull requests
 * @param baseBranch       the branch the files are read from and the pull requests target
 * @param firstRetryDelay  the first back-off after a transient failure; doubles per attempt
 * @param maxRetryDelay    the longest back-off
 * @param maxAttempts      attempts before a transiently failing sync is given up (a permanent failure)
 * @param timeout          connect and read timeout of one GitHub call
 */
@ConfigurationProperties("hub.sync")
public record SyncProperties(Boolean enabled, String apiUrl, String repository, String baseBranch, String botToken,
                             Duration firstRetryDelay, Duration maxRetryDelay,
                             Integer maxAttempts, Duration timeout) {

    public SyncProperties {
        enabled = enabled == null || enabled;
        apiUrl = orDefault(apiUrl, "https://api.github.com");
        repository = orDefault(repository, "xorbitsai/inference");
        baseBranch = orDefault(baseBranch, "main");
        firstRetryDelay = firstRetryDelay == null ? Duration.ofMinutes(1) : firstRetryDelay;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofHours(6) : maxRetryDelay;
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
    }

    public static SyncProperties defaults() {
        return new SyncProperties(null, null, null, null, null, null, null, null, null);
    }

    public SyncProperties withApiUrl(String url) {
        return new SyncProperties(enabled, url, repository, baseBranch, botToken, firstRetryDelay,
                maxRetryDelay, maxAttempts, timeout);
    }

    public SyncProperties withBotToken(String token) {
        return new SyncProperties(enabled, apiUrl, repository, baseBranch, token, firstRetryDelay,
                maxRetryDelay, maxAttempts, timeout);
    }

    /** The back-off before attempt {@code failedAttempts + 1}: doubling from the first delay, capped. */
    public Duration backoffAfter(int failedAttempts) {
        return new RetryBackoff(firstRetryDelay, maxRetryDelay).after(failedAttempts);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
