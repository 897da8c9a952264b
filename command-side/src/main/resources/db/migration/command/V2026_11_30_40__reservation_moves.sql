-- Moves of reservations between rooms, kept with the reservation registry in the transaction of
-- their events: whoever asked for a move reads its outcome here, on any command node.
CREATE TABLE reservation_move (
    move_id        UUID           NOT NULL PRIMARY KEY,
    reservation_id UUID           NOT NULL,
    from_room      VARCHAR(16)    NOT NULL,
    to_room        VARCHAR(16)    NOT NULL,
    check_in       DATE           NOT NULL,
    check_out      DATE           NOT NULL,
    status         VARCHAR(16)    NOT NULL,
    total_price    NUMERIC(14, 2),
    currency       VARCHAR(3),
    rejection      VARCHAR(64),
    detail         VARCHAR(1000)
);

CREATE INDEX reservation_move_pending ON reservation_move (reservation_id) WHERE status = 'PENDING';

-- Axon's saga store (the move saga): snake_case names, the saga in bytea.
CREATE TABLE saga_entry (
    saga_id         VARCHAR(255) NOT NULL PRIMARY KEY,
    revision        VARCHAR(255),
    saga_type       VARCHAR(255),
    serialized_saga BYTEA
);

CREATE TABLE association_value_entry (
    id                BIGSERIAL    NOT NULL PRIMARY KEY,
    association_key   VARCHAR(255) NOT NULL,
    association_value VARCHAR(255),
    saga_type         VARCHAR(255),
    saga_id           VARCHAR(255) NOT NULL
);

CREATE INDEX association_value_entry_key ON association_value_entry (saga_type, association_key, association_value);
CREATE INDEX association_value_entry_saga ON association_value_entry (saga_id, saga_type);
