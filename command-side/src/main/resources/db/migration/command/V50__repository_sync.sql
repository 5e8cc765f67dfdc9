-- Repository sync (io.xinference.hub.command.sync): per public model, what the hub knows of it and the pending
-- pull-request sync, if any. The row is the persistent retry schedule: a sync that failed transiently waits here
-- until due_at, across restarts. A run claims a row until claimed_until, so a crashed run is picked up again.
CREATE TABLE repository_sync (
    model_id              varchar(64)  NOT NULL PRIMARY KEY,
    model_name            varchar(255) NOT NULL,
    model_type            varchar(16)  NOT NULL,
    owner_subject         varchar(255),
    owner_username        varchar(255),
    status                varchar(32)  NOT NULL,
    published             boolean      NOT NULL DEFAULT false,
    definition            text,
    changed_at            timestamp(6) with time zone NOT NULL,
    pending_change        varchar(16),
    requested_by_subject  varchar(255),
    requested_by_username varchar(255),
    request_seq           bigint       NOT NULL DEFAULT 0,
    due_at                timestamp(6) with time zone,
    attempts              integer      NOT NULL DEFAULT 0,
    claimed_until         timestamp(6) with time zone,
    last_failure          text
);

CREATE INDEX repository_sync_due ON repository_sync (due_at) WHERE pending_change IS NOT NULL;
