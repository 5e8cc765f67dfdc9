package io.xinference.hub.events;

/**
 * Who may see a model. {@code ENTERPRISE} ("advanced" in the user guide) is public to holders of the
 * view-advanced permission only.
 */
public enum Visibility {
    PRIVATE, PUBLIC, ENTERPRISE;

    public boolean isShared() {
        return this != PRIVATE;
    }
}
