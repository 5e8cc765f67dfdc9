package io.xinference.hub.query.elasticsearch;

/**
 * One read model's index: readers and writers use the alias; the versioned index behind it carries the mapping
 * in {@code classpath:elasticsearch/<name>-v<version>.json}. A new mapping is a new version (a fresh index that
 * a rebuild fills before the alias moves), never an in-place change.
 */
public record IndexDefinition(String name, int version) {

    public String alias(String prefix) {
        return prefix + name;
    }

    public String indexName(String prefix) {
        return prefix + name + "-v" + version;
    }

    public String mappingResource() {
        return "elasticsearch/" + name + "-v" + version + ".json";
    }
}
