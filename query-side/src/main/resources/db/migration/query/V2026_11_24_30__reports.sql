-- The analysts' read model (processing group "reports"), rebuilt from the events alone.

-- Rooms by type, and the first night each could be sold: the day it was registered.
CREATE TABLE report_room (
    room_number     VARCHAR(16) NOT NULL PRIMARY KEY,
    room_type       VARCHAR(16) NOT NULL,
    in_service_from DATE        NOT NULL
);

-- Every reservation ever made, for cancellations and booking lead time; days in the hotel's time zone.
CREATE TABLE report_reservation (
    reservation_id UUID           NOT NULL PRIMARY KEY,
    room_number    VARCHAR(16)    NOT NULL,
    check_in       DATE           NOT NULL,
    nights         INTEGER        NOT NULL,
    total_price    NUMERIC(14, 2) NOT NULL,
    booked_on      DATE           NOT NULL,
    lead_days      INTEGER        NOT NULL,
    released_on    DATE,
    release_reason VARCHAR(32)
);

CREATE INDEX report_reservation_check_in ON report_reservation (check_in);
CREATE INDEX report_reservation_booked_on ON report_reservation (booked_on);
CREATE INDEX report_reservation_released_on ON report_reservation (released_on) WHERE released_on IS NOT NULL;

-- One row per night sold and still held, with the revenue of that night: nights of one stay may be
-- priced differently, so revenue is kept per night rather than derived from the stay.
CREATE TABLE report_night_sold (
    reservation_id UUID           NOT NULL,
    night          DATE           NOT NULL,
    room_number    VARCHAR(16)    NOT NULL,
    revenue        NUMERIC(14, 2) NOT NULL,
    PRIMARY KEY (reservation_id, night)
);

CREATE INDEX report_night_sold_night ON report_night_sold (night);
