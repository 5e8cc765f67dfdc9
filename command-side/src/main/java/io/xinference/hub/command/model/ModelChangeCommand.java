package io.xinference.hub.command.model;

/** A change to an existing model, made by {@link #caller()}, optionally on a known version (optimistic locking). */
public interface ModelChangeCommand extends CommandByCaller {

    String modelId();

    Long expectedVersion();
}
