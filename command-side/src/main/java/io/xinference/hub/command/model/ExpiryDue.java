package io.xinference.hub.command.model;

import java.time.Instant;

/** The payload of the persistent expiry deadline: the date it was scheduled for, to ignore superseded deadlines. */
public record ExpiryDue(Instant expiresAt) {
}
