-- The command side's own index of reservations, written in the same transaction as the events
-- (a subscribing processor): which room holds a reservation, so a cancel right after a booking
-- finds it without waiting for any projection, and a reservation id is never used for two rooms.
CREATE TABLE reservation_registry (
    reservation_id UUID        NOT NULL PRIMARY KEY,
    room_number    VARCHAR(16) NOT NULL,
    released       BOOLEAN     NOT NULL DEFAULT FALSE
);
