package io.xinference.hub.command.model;

/**
 * The names in use, case-insensitively, by models that are not deleted. Implementations change the names in the
 * command's own unit of work (the app: one event-sourced aggregate per name), so a name is claimed exactly when the
 * registration's events are stored, and released exactly when the deletion's are.
 */
public interface ModelNames {

    /** Claims {@code name} for {@code modelId}; false when another model holds it in any letter case. */
    boolean claim(String name, String modelId);

    /** Frees the name held by {@code modelId}. */
    void release(String name, String modelId);
}
