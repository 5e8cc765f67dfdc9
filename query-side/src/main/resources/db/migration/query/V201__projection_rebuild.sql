-- Rebuilds of read models across every query-side instance (io.xinference.hub.query.replay): one row per
-- rebuild, at most one unfinished per projection. The instance running it ("node", Axon's token owner name)
-- refreshes "heartbeat"; a rebuild whose heartbeat is older than hub.rebuild.stale-after is taken over and
-- restarted by another (or the restarted) instance. While a rebuild is in phase SWAPPING with a fresh heartbeat,
-- every other instance pauses its processor of that projection, so no event is written into the old index after
-- the rebuild read its final head.
CREATE TABLE projection_rebuild (
    id          varchar(36)  NOT NULL PRIMARY KEY,
    projection  varchar(100) NOT NULL,
    phase       varchar(20)  NOT NULL,
    node        varchar(255) NOT NULL,
    new_index   varchar(255),
    attempt     integer      NOT NULL DEFAULT 1,
    heartbeat   timestamptz  NOT NULL DEFAULT now(),
    started_at  timestamptz  NOT NULL DEFAULT now(),
    finished_at timestamptz,
    error       text
);

CREATE UNIQUE INDEX projection_rebuild_one_unfinished ON projection_rebuild (projection) WHERE finished_at IS NULL;
