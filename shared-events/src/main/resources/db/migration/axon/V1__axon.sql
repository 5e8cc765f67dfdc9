-- Axon Framework 4.13 JPA storage (event store, tokens, sagas, dead letters), as Hibernate maps Axon's entities
-- with io.xinference.hub.platform.ByteaPostgreSQLDialect and META-INF/orm.xml (bytea payloads, a dense
-- global_index). Both apps run this file, each with its own Flyway history table, hence IF NOT EXISTS.

CREATE TABLE IF NOT EXISTS domain_event_entry (
    global_index         bigint       NOT NULL PRIMARY KEY,
    sequence_number      bigint       NOT NULL,
    meta_data            bytea,
    payload              bytea        NOT NULL,
    aggregate_identifier varchar(255) NOT NULL,
    event_identifier     varchar(255) NOT NULL UNIQUE,
    payload_revision     varchar(255),
    payload_type         varchar(255) NOT NULL,
    time_stamp           varchar(255) NOT NULL,
    type                 varchar(255),
    UNIQUE (aggregate_identifier, sequence_number)
);
-- one step per event: gaps would be carried by every tracking token
CREATE SEQUENCE IF NOT EXISTS domain_event_entry_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE IF NOT EXISTS snapshot_event_entry (
    sequence_number      bigint       NOT NULL,
    meta_data            bytea,
    payload              bytea        NOT NULL,
    aggregate_identifier varchar(255) NOT NULL,
    event_identifier     varchar(255) NOT NULL UNIQUE,
    payload_revision     varchar(255),
    payload_type         varchar(255) NOT NULL,
    time_stamp           varchar(255) NOT NULL,
    type                 varchar(255) NOT NULL,
    PRIMARY KEY (sequence_number, aggregate_identifier, type)
);

CREATE TABLE IF NOT EXISTS token_entry (
    segment        integer      NOT NULL,
    token          bytea,
    owner          varchar(255),
    processor_name varchar(255) NOT NULL,
    "timestamp"    varchar(255) NOT NULL,
    token_type     varchar(255),
    PRIMARY KEY (segment, processor_name)
);

CREATE TABLE IF NOT EXISTS saga_entry (
    serialized_saga bytea,
    revision        varchar(255),
    saga_id         varchar(255) NOT NULL PRIMARY KEY,
    saga_type       varchar(255)
);

CREATE TABLE IF NOT EXISTS association_value_entry (
    id                bigint       NOT NULL PRIMARY KEY,
    association_key   varchar(255) NOT NULL,
    association_value varchar(255),
    saga_id           varchar(255) NOT NULL,
    saga_type         varchar(255)
);
CREATE SEQUENCE IF NOT EXISTS association_value_entry_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX IF NOT EXISTS association_value_entry_saga_idx ON association_value_entry (saga_id, saga_type);
CREATE INDEX IF NOT EXISTS association_value_entry_lookup_idx
    ON association_value_entry (saga_type, association_key, association_value);

CREATE TABLE IF NOT EXISTS dead_letter_entry (
    dead_letter_id       varchar(255) NOT NULL PRIMARY KEY,
    enqueued_at          timestamp(6) with time zone NOT NULL,
    last_touched         timestamp(6) with time zone,
    processing_started   timestamp(6) with time zone,
    sequence_index       bigint       NOT NULL,
    sequence_number      bigint,
    cause_message        varchar(1023),
    diagnostics          bytea,
    meta_data            bytea,
    payload              bytea        NOT NULL,
    token                bytea,
    aggregate_identifier varchar(255),
    cause_type           varchar(255),
    event_identifier     varchar(255) NOT NULL,
    message_type         varchar(255) NOT NULL,
    payload_revision     varchar(255),
    payload_type         varchar(255) NOT NULL,
    processing_group     varchar(255) NOT NULL,
    sequence_identifier  varchar(255) NOT NULL,
    time_stamp           varchar(255) NOT NULL,
    token_type           varchar(255),
    type                 varchar(255),
    UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX IF NOT EXISTS dead_letter_entry_group_idx ON dead_letter_entry (processing_group);
CREATE INDEX IF NOT EXISTS dead_letter_entry_sequence_idx ON dead_letter_entry (processing_group, sequence_identifier);

-- A transaction that commits later than the tracking processors' gap timeout (60 s) would be skipped forever
-- (AxonFramework #4829, #2958): no statement and no idle transaction may outlive 30 s on this database.
DO $$
BEGIN
    EXECUTE format('ALTER DATABASE %I SET statement_timeout = %L', current_database(), '30s');
    EXECUTE format('ALTER DATABASE %I SET idle_in_transaction_session_timeout = %L', current_database(), '30s');
END
$$;
