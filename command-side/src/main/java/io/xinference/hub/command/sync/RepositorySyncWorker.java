package io.xinference.hub.command.sync;

import io.xinference.hub.command.outbox.OutboxMetrics;
import io.xinference.hub.command.outbox.OutboxBacklog;
import io.xinference.hub.command.outbox.OutboxFeature;
import io.xinference.hub.events.sync.FailureKind;
import io.xinference.hub.events.sync.RepositorySyncEvent;
import io.xinference.hub.events.sync.RepositorySyncFailed;
import io.xinference.hub.events.sync.RepositorySyncPullRequestOpened;
import io.xinference.hub.events.sync.RepositorySyncPullRequestUpdated;
import io.xinference.hub.events.sync.RepositorySyncRetried;
import io.xinference.hub.events.sync.RepositorySyncSkipped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs due syncs from the persistent schedule, one model at a time, outside any command or event-processing
 * thread (the sync feature of the outbox): a slow or failing GitHub delays nothing but the sync. Each run's outcome events and the schedule update
 * are written in one transaction.
 */
public class RepositorySyncWorker implements OutboxFeature {

    private static final Logger log = LoggerFactory.getLogger(RepositorySyncWorker.class);
    /** Longer than any run can take (a handful of calls, each with its timeout); then a crashed run is redone. */
    private static final Duration CLAIM_LEASE = Duration.ofMinutes(10);
    private static final int MAX_RUNS_PER_POLL = 20;

    private final OutboxMetrics metrics;
    private final SyncSchedule schedule;
    private final GithubPullRequests github;
    private final GithubTokenSource personalTokens;
    private final SyncProperties properties;
    private final SyncEventPublisher events;
    private final TransactionOperations transactions;
    private final Clock clock;

    public RepositorySyncWorker(SyncSchedule schedule, GithubPullRequests github, GithubTokenSource personalTokens,
                                SyncProperties properties, SyncEventPublisher events,
                                TransactionOperations transactions, OutboxMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.schedule = schedule;
        this.github = github;
        this.personalTokens = personalTokens;
        this.properties = properties;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public String name() {
        return OutboxBacklog.REPOSITORY_SYNC;
    }

    @Override
    public int runDue() {
        return runDueSyncs();
    }

    /** Runs every sync that is due now; returns how many ran. */
    public int runDueSyncs() {
        int runs = 0;
        Optional<SyncJob> next;
        while (runs < MAX_RUNS_PER_POLL && (next = schedule.claimNext(clock.instant(), CLAIM_LEASE)).isPresent()) {
            run(next.get());
            runs++;
        }
        return runs;
    }

    void run(SyncJob job) {
        List<RepositorySyncEvent> outcome = new ArrayList<>();
        if (job.attempts() > 0) {
            outcome.add(new RepositorySyncRetried(job.modelId(), job.modelName(), job.modelType(), job.attempts() + 1));
        }
        Optional<String> token = tokenFor(job);
        if (token.isEmpty()) {
            outcome.add(skipped(job, "no GitHub token: " + job.requestedBy().username()
                    + " has set none and the hub has no bot token (HUB_GITHUB_TOKEN)"));
            record(outcome, () -> schedule.finish(job, null));
            metrics.attempted(name(), OutboxMetrics.Outcome.SKIPPED);
            return;
        }
        try {
            PublishOutcome result = github.publish(job, token.get(), job.requestedBy().username());
            outcome.add(success(job, result));
            record(outcome, () -> schedule.finish(job, null));
            metrics.attempted(name(), OutboxMetrics.Outcome.DONE);
        } catch (SyncFailure failure) {
            failed(job, failure, outcome);
        } catch (RuntimeException unexpected) {
            log.warn("repository sync of model {} failed unexpectedly", job.modelId(), unexpected);
            failed(job, new SyncFailure(FailureKind.TRANSIENT, 0, "unexpected error: " + unexpected, null), outcome);
        }
    }

    private Optional<String> tokenFor(SyncJob job) {
        return personalTokens.tokenOf(job.requestedBy().subject())
                .filter(token -> !token.isBlank())
                .or(() -> Optional.ofNullable(properties.botToken()).filter(token -> !token.isBlank()));
    }

    private void failed(SyncJob job, SyncFailure failure, List<RepositorySyncEvent> outcome) {
        int attempt = job.attempts() + 1;
        boolean retry = failure.kind() == FailureKind.TRANSIENT && attempt < properties.maxAttempts();
        if (retry) {
            Instant due = clock.instant().plus(delayAfter(attempt, failure));
            outcome.add(new RepositorySyncFailed(job.modelId(), job.modelName(), job.modelType(), FailureKind.TRANSIENT,
                    failure.reason(), failure.httpStatus(), attempt, due));
            record(outcome, () -> schedule.retryAt(job, attempt, due, failure.reason()));
            metrics.attempted(name(), OutboxMetrics.Outcome.RETRY);
            return;
        }
        String reason = failure.kind() == FailureKind.TRANSIENT
                ? "gave up after " + attempt + " attempts; last: " + failure.reason()
                : failure.reason();
        outcome.add(new RepositorySyncFailed(job.modelId(), job.modelName(), job.modelType(), FailureKind.PERMANENT,
                reason, failure.httpStatus(), attempt, null));
        record(outcome, () -> schedule.finish(job, reason));
        metrics.attempted(name(), OutboxMetrics.Outcome.FAILED);
    }

    /** Exponential back-off, but never sooner than GitHub asked with {@code Retry-After}. */
    private Duration delayAfter(int failedAttempts, SyncFailure failure) {
        Duration backoff = properties.backoffAfter(failedAttempts);
        Duration asked = failure.retryAfter();
        return asked != null && asked.compareTo(backoff) > 0 ? asked : backoff;
    }

    private RepositorySyncEvent success(SyncJob job, PublishOutcome result) {
        String repository = properties.repository();
        if (result instanceof PublishOutcome.Opened opened) {
            return new RepositorySyncPullRequestOpened(job.modelId(), job.modelName(), job.modelType(), repository,
                    opened.number(), opened.url(), opened.branch(), opened.title());
        }
        if (result instanceof PublishOutcome.Updated updated) {
            return new RepositorySyncPullRequestUpdated(job.modelId(), job.modelName(), job.modelType(), repository,
                    updated.number(), updated.url(), updated.branch(), updated.title());
        }
        return skipped(job, ((PublishOutcome.Unchanged) result).reason());
    }

    private static RepositorySyncSkipped skipped(SyncJob job, String reason) {
        return new RepositorySyncSkipped(job.modelId(), job.modelName(), job.modelType(), reason);
    }

    private void record(List<RepositorySyncEvent> outcome, Runnable scheduleUpdate) {
        transactions.executeWithoutResult(status -> {
            scheduleUpdate.run();
            events.publish(outcome);
        });
    }
}
