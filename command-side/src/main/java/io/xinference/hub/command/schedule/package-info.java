/**
 * What every process that works from a persistent schedule table shares (repository sync, mails, webhook
 * deliveries): {@link io.xinference.hub.command.schedule.LeasedClaims} takes the most overdue row for a lease
 * ({@code FOR UPDATE SKIP LOCKED}, so several instances may poll one table), and
 * {@link io.xinference.hub.command.schedule.RetryBackoff} says when a failed run is due again.
 */
package io.xinference.hub.command.schedule;
