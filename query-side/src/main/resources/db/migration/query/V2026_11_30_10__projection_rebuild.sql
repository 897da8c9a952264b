-- The last rebuild of each projection, whichever query node ran it, for every node to show and
-- stream: its phase and progress while it runs, and the read model's checksum before and after.
-- Whether one is running right now is told by its advisory lock, not by this row (a node that died
-- mid-rebuild leaves the row behind but not the lock).
CREATE TABLE projection_rebuild (
    projection        VARCHAR(64)   NOT NULL PRIMARY KEY,
    state             VARCHAR(16)   NOT NULL,
    phase             VARCHAR(16)   NOT NULL,
    node              VARCHAR(255)  NOT NULL,
    started_at        TIMESTAMPTZ   NOT NULL,
    finished_at       TIMESTAMPTZ,
    position          BIGINT        NOT NULL DEFAULT 0,
    target            BIGINT        NOT NULL DEFAULT 0,
    events            BIGINT        NOT NULL DEFAULT 0,
    events_per_second NUMERIC(14, 1),
    checksum_before   VARCHAR(32),
    checksum_after    VARCHAR(32),
    error             VARCHAR(2000)
);
