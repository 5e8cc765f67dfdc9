package io.xinference.hub.devstack.bench;

/** A model the benchmark registered: who owns it, its id and name, and its last known version. */
final class OwnedModel {

    final String owner;
    final String id;
    final String name;
    volatile long version;

    OwnedModel(String owner, String id, String name, long version) {
        this.owner = owner;
        this.id = id;
        this.name = name;
        this.version = version;
    }
}
