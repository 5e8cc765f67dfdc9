/**
 * Webhooks: owners receive their models' events, admins may also receive every public model's events, as signed
 * HTTPS POSTs, retried, logged, and paused when the receiver keeps failing.
 *
 * <p>Flow: {@link io.xinference.hub.command.webhook.WebhookDeliveryProcess} (the webhook handler of the
 * one outbox processor, {@link io.xinference.hub.command.outbox.OutboxProcessing}) turns each model event into one {@code webhook_delivery} row per webhook that
 * {@link io.xinference.hub.command.webhook.WebhookRouting} allows, in the processor's transaction (an event replayed
 * is not queued twice: unique per webhook and event id). The outbox's one poller
 * hands due rows to {@link io.xinference.hub.command.webhook.WebhookDeliveryWorker}, which signs
 * ({@link io.xinference.hub.command.webhook.WebhookSignature}) and POSTs with a timeout, then records the attempt,
 * the delivery's new state and the webhook's failure count in one transaction.
 *
 * <p>Decisions:
 * <ul>
 *   <li>Confidentiality: an {@code OWN_MODELS} webhook gets only its owner's models' events; an {@code ALL_PUBLIC}
 *   webhook (admins only) gets only events of PUBLIC models. Private and enterprise events reach nobody else.
 *   Webhooks and their logs are their owner's alone (404 for anyone else).</li>
 *   <li>Body: {@code {id, kind, occurredAt, actor, model: {id, name, url}, data}}; {@code data} is the event without
 *   definition and README. {@code id} is the event's id, the same in a redelivery; {@code X-Hub-Delivery} tells
 *   deliveries apart.</li>
 *   <li>Signature: {@code X-Hub-Signature-256: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body))} with
 *   {@code X-Hub-Timestamp} in Unix seconds; receivers refuse old timestamps. The secret (32 random bytes) is shown
 *   once, at creation, and kept AES-GCM sealed with the hub's token key, bound to the webhook id.</li>
 *   <li>Retries: any answer but 2xx, or none within {@code timeout}, is a failed attempt; the next is due after the
 *   shared {@link io.xinference.hub.command.outbox.RetryBackoff} (30 s doubling to 1 h), up to {@code max-attempts}
 *   (8), then FAILED. Redirects are not followed.</li>
 *   <li>Pausing: {@code pause-after-failures} (20) failed attempts in a row, across deliveries, pause the webhook and
 *   queue a mail to its owner in the same transaction. A paused webhook gets no new deliveries; its pending ones
 *   wait. {@code PUT} with {@code "active": true} resumes and forgets the failures.</li>
 *   <li>Limits: receivers are reached only through {@link io.xinference.hub.command.outbound.OutboundHttp} under the
 *   {@link io.xinference.hub.command.outbound.OutboundPolicy} ({@code hub.outbound.*}: HTTPS on 443 by default, no
 *   loopback, private, link-local, ... address, names resolved and checked at every delivery, no redirects). A URL
 *   the policy refuses without a lookup (IP literal, {@code localhost}, non-canonical host, scheme, port) is refused
 *   at registration too. URL at most {@code max-url-length} (2048), at most {@code max-per-user} (10) webhooks,
 *   event kinds from {@link io.xinference.hub.command.webhook.EventKind}.</li>
 *   <li>What the owner sees of an attempt: delivered, refused by policy, failed with HTTP n, or no answer. Never an
 *   exception, an address or a duration (they would make a webhook a scanner of the hub's network); the latency is
 *   stored for operators only.</li>
 *   <li>The outbox processor starts at the head of the event stream the first time; models registered before are unknown
 *   to it, so their events reach only ALL_PUBLIC webhooks (when public).</li>
 * </ul>
 */
package io.xinference.hub.command.webhook;
