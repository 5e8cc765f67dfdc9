package io.xinference.hub.events.registry;

/**
 * Facts that make a registration's guarantees part of the event store itself: a model's case-insensitive name is
 * an aggregate of its own that a registration claims, and a caller's Idempotency-Key is an aggregate that records
 * the first answer. They are appended in the registration's own unit of work, so with PostgreSQL (one transaction)
 * and with Axon Server (one append transaction) they are stored together with {@code ModelRegistered} or not at all.
 * No projection needs them; they are public so every reader of the store can deserialize them.
 */
public sealed interface RegistryEvent permits ModelNameClaimed, ModelNameReleased, RegistrationKeyUsed {
}
