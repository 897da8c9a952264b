-- The availability read model: the rooms and the active stays that hold their nights, written by
-- the single-segment "availability" processor in the same transaction as its token.
CREATE TABLE availability_room (
    room_number  VARCHAR(16)    NOT NULL PRIMARY KEY,
    type         VARCHAR(16)    NOT NULL,
    capacity     INTEGER        NOT NULL,
    nightly_rate NUMERIC(12, 2) NOT NULL
);

CREATE TABLE availability_stay (
    reservation_id UUID        NOT NULL PRIMARY KEY,
    room_number    VARCHAR(16) NOT NULL,
    check_in       DATE        NOT NULL,
    check_out      DATE        NOT NULL
);

CREATE INDEX availability_stay_room_dates ON availability_stay (room_number, check_in, check_out);
CREATE INDEX availability_stay_dates ON availability_stay (check_in, check_out);

-- The change feed behind the live stream: one row per change, numbered in the order the
-- projection applied them (one writer, so commit order = id order), kept for a replay window so a
-- reconnecting client gets exactly what it missed. Every insert is also NOTIFYed on
-- 'availability_change' when the transaction commits, to every query node.
CREATE TABLE availability_change (
    id           BIGSERIAL      NOT NULL PRIMARY KEY,
    kind         VARCHAR(8)     NOT NULL,
    room_number  VARCHAR(16)    NOT NULL,
    room_type    VARCHAR(16)    NOT NULL,
    capacity     INTEGER        NOT NULL,
    nightly_rate NUMERIC(12, 2),
    from_date    DATE,
    to_date      DATE,
    available    BOOLEAN,
    event_index  BIGINT,
    changed_at   TIMESTAMPTZ    NOT NULL DEFAULT now()
);

CREATE INDEX availability_change_changed_at ON availability_change (changed_at);

-- How far the change feed has been pruned (or reset): a client resuming from an id below this
-- gets a fresh snapshot instead of a replay with a hole in it.
CREATE TABLE availability_feed (
    singleton      BOOLEAN NOT NULL PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    pruned_through BIGINT  NOT NULL DEFAULT 0
);
INSERT INTO availability_feed DEFAULT VALUES;
