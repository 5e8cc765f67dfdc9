package io.xinference.hub.command.webhook;

/** A claimed delivery: what the worker needs to send it. {@code attempts} counts the failed ones so far. */
public record DeliveryJob(String id, String webhookId, String url, EventKind eventKind, String body, int attempts) {
}
