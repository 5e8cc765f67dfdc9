package io.xinference.hub.command.registration;

/** The caller sent an Idempotency-Key they already used, with a different request (answered 422). */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("this Idempotency-Key was already used for a different registration request: use a new key");
    }
}
