/**
 * Repository sync: a published public model's changes proposed to Xinference's repository as pull requests
 * (contract §4).
 *
 * <p>Flow: {@link io.xinference.hub.command.sync.RepositorySyncProcess} (the sync handler of the one outbox processor)
 * reads model events, keeps what it needs per PUBLIC model in {@code repository_sync}, marks a sync due and emits
 * {@code RepositorySyncRequested}. The outbox's one poller runs due syncs
 * through {@link io.xinference.hub.command.sync.RepositorySyncWorker}, which calls
 * {@link io.xinference.hub.command.sync.GithubPullRequests} and records the outcome event
 * ({@code io.xinference.hub.events.sync}) and the schedule update in one transaction.
 *
 * <p>Decisions:
 * <ul>
 *   <li>What syncs: PUBLIC only. Registered as APPROVED or approved: add/replace. Definition updated while APPROVED:
 *   replace. Expiration date changed while APPROVED: re-propose the entry (the file has no expiration field, so this
 *   normally ends "skipped: already has this entry"). Expired or deleted after having been published: remove.</li>
 *   <li>File format: Python's {@code json.dumps(indent=2, ensure_ascii=False)} plus a newline, written by
 *   {@link io.xinference.hub.command.sync.RepositoryJsonFormat}; other entries keep keys, order and number
 *   spelling. Only {@code -0.0} read from a file loses its sign (exact decimals have none).</li>
 *   <li>Hub-only keys: {@code is_builtin} is never written. {@code updated_at} is written, set to the time of
 *   the change in the hub, because Xinference's own files carry it on every entry and clients keep the newer copy;
 *   a change of {@code updated_at} alone is not a change.</li>
 *   <li>Branch {@code chore/models-sync/<lower-case name>} in the configured repository itself (no fork);
 *   the open pull request is found by that branch, so re-runs and restarts update it rather than open another.
 *   A new branch starts at the base branch's head and the file is read from the base branch; an open pull
 *   request's branch is edited where it stands so its diff keeps showing this model only.</li>
 *   <li>Title: "FEAT: [model] NAME support" when the base branch has no entry of that name, else
 *   "ENH: update model "NAME" JSON". Body: the hub username of the person who acted (for a scheduled expiry, the
 *   owner) as "by user ..."; the hub does not know GitHub logins yet.</li>
 *   <li>Token: the person's own token ({@link io.xinference.hub.command.sync.GithubTokenSource}, none until the user
 *   center provides a bean), else {@code hub.sync.bot-token} / {@code HUB_GITHUB_TOKEN}, else the sync is
 *   skipped with the reason.</li>
 *   <li>Failures: 5xx, 409, 429, rate-limit 403 and no answer are transient: retried from the table with a doubling
 *   back-off from {@code hub.sync.first-retry-delay} (default 1 min, at most {@code max-retry-delay}, 6 h), never
 *   sooner than {@code Retry-After} or the rate-limit reset, at most {@code max-attempts} (10). 401, other 403,
 *   404 and 422 are permanent.</li>
 * </ul>
 */
package io.xinference.hub.command.sync;
