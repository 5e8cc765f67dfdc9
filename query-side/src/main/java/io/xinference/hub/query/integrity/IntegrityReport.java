package io.xinference.hub.query.integrity;

/**
 * The outcome of a verification. {@code intact}: every anchored event still hashes to its anchor and every
 * link holds. {@code firstBroken}: the first link that does not (in anchoring order for the store, in sequence
 * order for a model). {@code unanchored}: stored events without an anchor yet (normally the few appended in the
 * last moment; an old one means a row written behind the anchoring processor's back). {@code chainHead}: the
 * store-wide chain's last link, worth copying somewhere outside this database as an external anchor.
 */
public record IntegrityReport(String scope, boolean intact, long eventsChecked, BrokenLink firstBroken,
                              long unanchored, Long firstUnanchoredGlobalIndex, String chainHead) {

    public enum Problem {
        /** The stored row no longer hashes to its anchor: payload, metadata or envelope was edited. */
        ALTERED,
        /** The anchored event's row is gone from the store. */
        MISSING,
        /** The anchor's link to the model's previous event does not hold (anchor rows edited or removed). */
        MODEL_CHAIN_BROKEN,
        /** The anchor's link to the store's previous anchor does not hold (anchor rows edited or removed). */
        STORE_CHAIN_BROKEN
    }

    public record BrokenLink(Problem problem, long globalIndex, String eventId, String modelId, long sequence,
                             String detail) {
    }
}
