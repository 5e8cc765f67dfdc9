package io.xinference.hub.command.model;

/**
 * The names in use, case-insensitively, by models that are not deleted. Implementations write in the command's
 * transaction, so a name is claimed exactly when the registration's events are stored.
 */
public interface ModelNames {

    /** Claims {@code name} for {@code modelId}; false when another model holds it in any letter case. */
    boolean claim(String name, String modelId);

    /** Frees the name held by {@code modelId}. */
    void release(String name, String modelId);
}
