package io.xinference.hub.devstack.bench;

/** One row of Axon's domain_event_entry as stored, without its global index and identifiers. */
record StoredEvent(long sequenceNumber, byte[] metaData, byte[] payload, String payloadRevision, String payloadType,
                   String timeStamp, String type) {
}
