-- Nights out of service (maintenance blocks) take a room's nights like a stay and are shown apart.
ALTER TABLE availability_stay ADD COLUMN out_of_service BOOLEAN NOT NULL DEFAULT FALSE;

-- A hold is a reservation in status HELD until it is confirmed, or given back when this passes.
ALTER TABLE reservation_view ADD COLUMN hold_expires_at TIMESTAMPTZ;
