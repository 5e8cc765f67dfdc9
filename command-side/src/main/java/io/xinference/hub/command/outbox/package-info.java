/**
 * The command side's one outbox for side effects (mails, webhook deliveries, repository syncs). One event
 * processor ({@link io.xinference.hub.command.outbox.OutboxProcessing}, one token) runs one handler per feature,
 * which writes that feature's rows in the batch's transaction; one poller
 * ({@link io.xinference.hub.command.outbox.OutboxPoller}) runs each
 * {@link io.xinference.hub.command.outbox.OutboxFeature} when its rows are due.
 * {@link io.xinference.hub.command.outbox.LeasedClaims} takes the most overdue row for a lease ({@code FOR UPDATE
 * SKIP LOCKED}, so several instances may poll one table), {@link io.xinference.hub.command.outbox.RetryBackoff}
 * says when a failed row is due again, and {@link io.xinference.hub.command.outbox.OutboxBacklog} counts what is
 * left. Every row is done at least once; a receiver sees the same delivery id when a row is done again after a
 * crash between the side effect and its record.
 */
package io.xinference.hub.command.outbox;
