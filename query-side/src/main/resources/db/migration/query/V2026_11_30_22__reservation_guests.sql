-- Which guest each reservation is (a guest id, not personal data), so that erasing a guest can
-- drop the name and e-mail of each of its reservations, and whether they were erased.
ALTER TABLE reservation_view
    ADD COLUMN guest_id     VARCHAR(64),
    ADD COLUMN guest_erased BOOLEAN NOT NULL DEFAULT FALSE;

CREATE INDEX reservation_view_guest ON reservation_view (guest_id);

-- Guests erased, as the reservations projection has seen it: a reservation of the guest booked
-- before the erasure and processed after it (in another segment) is stored without the guest.
CREATE TABLE reservation_guest_erasure (
    guest_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    erased_by VARCHAR(64) NOT NULL,
    erased_at TIMESTAMPTZ NOT NULL
);

-- Reservations projected before this version: their guest id from the events, sealed just before
-- by V2026_11_30_21 (on Axon Server the events are elsewhere: replay the projection instead).
UPDATE reservation_view v
SET guest_id = e.guest_id
FROM (SELECT (convert_from(payload, 'UTF8')::jsonb ->> 'reservationId')::uuid AS reservation_id,
             convert_from(payload, 'UTF8')::jsonb -> 'guest' ->> 'guestId' AS guest_id
      FROM domain_event_entry
      WHERE payload_type = 'hotel.booking.api.RoomReserved') e
WHERE v.reservation_id = e.reservation_id;
