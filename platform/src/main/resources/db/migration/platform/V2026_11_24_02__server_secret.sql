-- Secrets every node of the cluster must share (the key that signs reservation tokens), made
-- once by whichever node starts first unless configured explicitly.
CREATE TABLE server_secret (
    name       VARCHAR(64) NOT NULL PRIMARY KEY,
    secret     BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
