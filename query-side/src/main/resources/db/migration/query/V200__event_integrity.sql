-- Tamper evidence for the event store (io.xinference.hub.query.integrity): one row per stored event, written by
-- the "integrity" tracking processor in the same transaction as its token. event_hash is SHA-256 over the raw
-- domain_event_entry row; model_chain_hash links it to the previous event of the same aggregate, and
-- store_chain_hash to the previously anchored event of the whole store (anchor_seq = anchoring order).
CREATE TABLE event_integrity (
    anchor_seq           bigint       NOT NULL PRIMARY KEY,
    global_index         bigint       NOT NULL UNIQUE,
    event_identifier     varchar(255) NOT NULL UNIQUE,
    aggregate_identifier varchar(255) NOT NULL,
    sequence_number      bigint       NOT NULL,
    event_hash           bytea        NOT NULL,
    model_chain_hash     bytea        NOT NULL,
    store_chain_hash     bytea        NOT NULL,
    anchored_at          timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (aggregate_identifier, sequence_number)
);
