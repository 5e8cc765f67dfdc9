-- Names in use by models that are not deleted, case-insensitively: the key is the lower-cased name. Written in the
-- registering command's transaction, so of two simultaneous registrations of one name exactly one commits.
CREATE TABLE model_name_claim (
    name_key   varchar(200) NOT NULL PRIMARY KEY,
    model_name varchar(200) NOT NULL,
    model_id   varchar(64)  NOT NULL UNIQUE
);

-- The first answer to a registration per caller and Idempotency-Key, so a retry gets it again.
CREATE TABLE registration_idempotency (
    caller_subject varchar(255) NOT NULL,
    idempotency_key varchar(255) NOT NULL,
    request_hash   varchar(64)  NOT NULL,
    model_id       varchar(64)  NOT NULL,
    model_name     varchar(200),
    status         varchar(32),
    version        bigint,
    created_at     timestamp with time zone NOT NULL,
    PRIMARY KEY (caller_subject, idempotency_key)
);
