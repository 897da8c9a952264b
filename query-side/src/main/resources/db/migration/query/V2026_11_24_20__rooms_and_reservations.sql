-- Read models of the query side; every one is rebuilt from the events alone.
CREATE TABLE room_view (
    room_number  VARCHAR(16)   NOT NULL PRIMARY KEY,
    type         VARCHAR(16)   NOT NULL,
    capacity     INTEGER       NOT NULL,
    nightly_rate NUMERIC(12, 2) NOT NULL
);

CREATE TABLE reservation_view (
    reservation_id UUID          NOT NULL PRIMARY KEY,
    room_number    VARCHAR(16)   NOT NULL,
    check_in       DATE          NOT NULL,
    check_out      DATE          NOT NULL,
    total_price    NUMERIC(14, 2) NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    guest_name     VARCHAR(200),
    guest_email    VARCHAR(320),
    booked_at      TIMESTAMPTZ   NOT NULL,
    released_at    TIMESTAMPTZ,
    release_reason VARCHAR(32)
);

CREATE INDEX reservation_view_room ON reservation_view (room_number, check_in);
