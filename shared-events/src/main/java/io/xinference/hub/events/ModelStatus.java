package io.xinference.hub.events;

/**
 * Where a model stands in its lifecycle.
 *
 * <p>A private model is {@code APPROVED} from registration on: it needs no review and is live for its owner.
 * Expired and deleted models keep their documents; they are statuses, never removals.
 */
public enum ModelStatus {
    /** Shared model not (or no longer) submitted, e.g. after a withdrawn submission. */
    DRAFT,
    PENDING_REVIEW,
    REJECTED,
    APPROVED,
    EXPIRED,
    DELETED;

    public boolean isTerminal() {
        return this == EXPIRED || this == DELETED;
    }
}
