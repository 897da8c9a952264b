-- One AES-256 key per guest for the personal data in events (never in an event itself). Erasing a
-- guest deletes the row. created_at is the time of the insert itself (not of its transaction), so a
-- key made after an erasure is younger than it (see ErasedKeys).
CREATE TABLE guest_key (
    guest_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    secret_key BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

-- Erasures are rare: a small index finds them among all events (the audit's "erased by whom and when",
-- and re-erasing keys restored from a backup at every start).
CREATE INDEX domain_event_entry_guest_erased ON domain_event_entry (global_index)
    WHERE payload_type = 'hotel.booking.api.GuestErased';
