-- The query-side instances alive now (io.xinference.hub.query.projection.SegmentBalancer): each refreshes its row
-- every few seconds; an instance holding more than its share of a processor's segments releases the surplus,
-- so a second instance gets work instead of idling next to one that claimed every segment first.
CREATE TABLE query_instance (
    node      varchar(255) NOT NULL PRIMARY KEY,
    heartbeat timestamptz  NOT NULL DEFAULT now()
);
