package io.xinference.hub.command.model;

import io.xinference.hub.security.CurrentUser;

/** A change to an existing model, made by {@link #caller()}, optionally on a known version (optimistic locking). */
public interface ModelChangeCommand {

    String modelId();

    Long expectedVersion();

    CurrentUser caller();
}
