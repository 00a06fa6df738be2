-- Schema 3: the owner's words for each quarterly business review (what works, what we adjust),
-- one row per client and fiscal quarter ("2027-Q2").
CREATE TABLE qbr_note (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    quarter     TEXT NOT NULL CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
    working     TEXT NOT NULL DEFAULT '',
    adjust      TEXT NOT NULL DEFAULT '',
    updated_at  TEXT NOT NULL,
    UNIQUE (client_id, quarter)
) STRICT;
