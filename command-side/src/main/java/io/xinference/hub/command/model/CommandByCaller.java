package io.xinference.hub.command.model;

import io.xinference.hub.security.CurrentUser;

/** A command someone gave: the rules and the events' metadata both need to know who. */
public interface CommandByCaller {

    CurrentUser caller();
}
