package io.xinference.hub.command.sync;

import io.xinference.hub.events.sync.RepositorySyncEvent;

import java.util.List;

/** Where the sync's outcomes go: Axon's event bus in the app, a list in tests. */
@FunctionalInterface
public interface SyncEventPublisher {

    void publish(List<RepositorySyncEvent> events);
}
