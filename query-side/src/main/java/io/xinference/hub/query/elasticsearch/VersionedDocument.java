package io.xinference.hub.query.elasticsearch;

/**
 * A document as a projection wants it written: its id, its version (the aggregate sequence number of the last
 * event applied), and its body.
 */
public record VersionedDocument<T>(String index, String id, long version, T body) {
}
