-- Webhooks (io.xinference.hub.command.webhook).

CREATE TABLE webhook (
    id                   varchar(36)   NOT NULL PRIMARY KEY,
    owner_subject        varchar(255)  NOT NULL,
    owner_username       varchar(255)  NOT NULL,
    url                  varchar(2048) NOT NULL,
    event_kinds          text          NOT NULL,
    scope                varchar(16)   NOT NULL,
    active               boolean       NOT NULL,
    paused_reason        text,
    consecutive_failures integer       NOT NULL DEFAULT 0,
    -- the signing secret, AES-GCM sealed with the hub's key (the one that protects GitHub tokens)
    secret_nonce         bytea         NOT NULL,
    secret_ciphertext    bytea         NOT NULL,
    created_at           timestamp(6) with time zone NOT NULL,
    updated_at           timestamp(6) with time zone NOT NULL
);
CREATE INDEX webhook_owner ON webhook (owner_subject);

-- Who owns each model, as the webhook process learnt it from ModelRegistered: later events do not say.
CREATE TABLE webhook_model (
    model_id      varchar(64)  NOT NULL PRIMARY KEY,
    owner_subject varchar(255)
);

-- One delivery of one event to one webhook: the persistent retry schedule and the delivery log in one row.
-- A redelivery is a new row pointing at the one it repeats.
CREATE TABLE webhook_delivery (
    id              varchar(36)  NOT NULL PRIMARY KEY,
    webhook_id      varchar(36)  NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    event_id        varchar(64)  NOT NULL,
    event_kind      varchar(48)  NOT NULL,
    model_id        varchar(64),
    body            text         NOT NULL,
    redelivery_of   varchar(36),
    status          varchar(16)  NOT NULL,
    attempts        integer      NOT NULL DEFAULT 0,
    due_at          timestamp(6) with time zone,
    claimed_until   timestamp(6) with time zone,
    last_status     integer,
    last_error      text,
    last_latency_ms bigint,
    created_at      timestamp(6) with time zone NOT NULL,
    delivered_at    timestamp(6) with time zone
);
-- an event replayed to the processor is not delivered twice
CREATE UNIQUE INDEX webhook_delivery_once ON webhook_delivery (webhook_id, event_id) WHERE redelivery_of IS NULL;
CREATE INDEX webhook_delivery_due ON webhook_delivery (due_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_log ON webhook_delivery (webhook_id, created_at DESC);

CREATE TABLE webhook_delivery_attempt (
    delivery_id  varchar(36) NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt      integer     NOT NULL,
    attempted_at timestamp(6) with time zone NOT NULL,
    http_status  integer,
    latency_ms   bigint      NOT NULL,
    error        text,
    PRIMARY KEY (delivery_id, attempt)
);
