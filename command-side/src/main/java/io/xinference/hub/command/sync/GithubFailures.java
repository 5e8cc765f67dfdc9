package io.xinference.hub.command.sync;

import io.xinference.hub.events.sync.FailureKind;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.HttpException;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Sorts GitHub's answers into "try again later" and "stop": 5xx, 409, 429 and rate-limit 403s are transient;
 * 401 (bad credentials), other 403s (no permission), 404 and 422 (refused) are permanent, since retrying would
 * only repeat them.
 */
final class GithubFailures {

    private GithubFailures() {
    }

    static SyncFailure classify(IOException error, Clock clock) {
        if (error instanceof GHFileNotFoundException) {
            return SyncFailure.permanent(404, "GitHub answered 404: the repository, branch or file does not exist"
                    + " or the token cannot see it");
        }
        if (!(error instanceof HttpException http) || http.getResponseCode() <= 0) {
            return new SyncFailure(FailureKind.TRANSIENT, 0, "GitHub could not be reached: " + error, null);
        }
        int status = http.getResponseCode();
        Map<String, List<String>> headers = headersOf(http);
        Duration retryAfter = retryAfter(headers, clock);
        boolean rateLimited = status == 429 || (status == 403 && (retryAfter != null
                || "0".equals(header(headers, "X-RateLimit-Remaining"))));
        if (rateLimited) {
            return new SyncFailure(FailureKind.TRANSIENT, status, "GitHub rate limit reached (" + status + ")",
                    retryAfter);
        }
        if (status >= 500 || status == 409) {
            return new SyncFailure(FailureKind.TRANSIENT, status, "GitHub answered " + status + summary(http),
                    retryAfter);
        }
        String reason = switch (status) {
            case 401 -> "GitHub refused the token (401 Bad credentials)";
            case 403 -> "the token may not write to the repository (403 Forbidden)";
            case 422 -> "GitHub refused the change (422 Unprocessable Entity)";
            default -> "GitHub answered " + status;
        };
        return SyncFailure.permanent(status, reason + summary(http));
    }

    /** {@code Retry-After} in seconds, else the rate-limit reset time; {@code null} when GitHub said neither. */
    private static Duration retryAfter(Map<String, List<String>> headers, Clock clock) {
        String seconds = header(headers, "Retry-After");
        if (seconds != null && seconds.strip().matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(seconds.strip()));
        }
        String reset = header(headers, "X-RateLimit-Reset");
        if (reset != null && reset.strip().matches("\\d+")) {
            Duration untilReset = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset.strip())));
            return untilReset.isNegative() ? Duration.ZERO : untilReset;
        }
        return null;
    }

    /** github-api throws on a missing header map instead of answering empty. */
    private static Map<String, List<String>> headersOf(HttpException http) {
        try {
            return http.getResponseHeaderFields();
        } catch (NullPointerException noHeaders) {
            return Map.of();
        }
    }

    private static String header(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey() != null && entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream())
                .findFirst().orElse(null);
    }

    /** GitHub's own message, shortened: it says which rule refused the request. */
    private static String summary(HttpException http) {
        String message = http.getMessage();
        if (message == null || message.isBlank()) {
            return "";
        }
        String oneLine = message.replaceAll("\\s+", " ").strip();
        return ": " + (oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine);
    }
}
