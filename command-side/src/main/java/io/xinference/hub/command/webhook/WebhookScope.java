package io.xinference.hub.command.webhook;

/**
 * Which models' events a webhook receives: the owner's own models (any visibility), or, for admins, every PUBLIC
 * model's events. No scope ever reaches another person's private or enterprise model.
 */
public enum WebhookScope {
    OWN_MODELS, ALL_PUBLIC
}
