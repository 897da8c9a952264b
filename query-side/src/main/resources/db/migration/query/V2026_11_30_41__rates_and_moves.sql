-- Rates by date (projection "rooms"), in the order staff set them: the latest covering a night wins.
CREATE TABLE room_rate (
    room_number  VARCHAR(16)    NOT NULL,
    seq          BIGSERIAL      NOT NULL,
    from_date    DATE           NOT NULL,
    to_date      DATE           NOT NULL,
    nightly_rate NUMERIC(12, 2) NOT NULL,
    days_of_week VARCHAR(80),
    PRIMARY KEY (room_number, seq)
);

-- A reservation moving to another room holds its nights in both for a moment: the stay and the
-- nights sold are kept per room.
ALTER TABLE availability_stay DROP CONSTRAINT availability_stay_pkey;
ALTER TABLE availability_stay ADD PRIMARY KEY (reservation_id, room_number);

ALTER TABLE report_night_sold DROP CONSTRAINT report_night_sold_pkey;
ALTER TABLE report_night_sold ADD PRIMARY KEY (reservation_id, room_number, night);

-- The price's currency, and a move under way: the room it is moving to at which price.
ALTER TABLE reservation_view ADD COLUMN currency VARCHAR(3);
ALTER TABLE reservation_view ADD COLUMN moving_to_room VARCHAR(16);
ALTER TABLE reservation_view ADD COLUMN moving_price NUMERIC(14, 2);
ALTER TABLE reservation_view ADD COLUMN moving_currency VARCHAR(3);
