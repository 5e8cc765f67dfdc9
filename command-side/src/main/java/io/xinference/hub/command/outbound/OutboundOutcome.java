package io.xinference.hub.command.outbound;

/**
 * What an outgoing request came to, in the only terms its owner is told: delivered, refused by policy, failed with
 * the receiver's HTTP status, or no answer. Never an exception's name, an address or a duration: with those a
 * webhook would be a port scanner of the hub's network.
 *
 * @param httpStatus the receiver's status when it answered, else {@code null}
 */
public record OutboundOutcome(Kind kind, Integer httpStatus) {

    public enum Kind { DELIVERED, REFUSED_BY_POLICY, FAILED, NO_ANSWER }

    public static OutboundOutcome answered(int status) {
        return new OutboundOutcome(status >= 200 && status < 300 ? Kind.DELIVERED : Kind.FAILED, status);
    }

    public static OutboundOutcome refusedByPolicy() {
        return new OutboundOutcome(Kind.REFUSED_BY_POLICY, null);
    }

    public static OutboundOutcome noAnswer() {
        return new OutboundOutcome(Kind.NO_ANSWER, null);
    }

    public boolean delivered() {
        return kind == Kind.DELIVERED;
    }

    /** The owner-facing words: {@code delivered}, {@code refused by policy}, {@code failed with HTTP 500}, {@code no answer}. */
    public String describe() {
        return switch (kind) {
            case DELIVERED -> "delivered";
            case REFUSED_BY_POLICY -> "refused by policy";
            case FAILED -> "failed with HTTP " + httpStatus;
            case NO_ANSWER -> "no answer";
        };
    }
}
