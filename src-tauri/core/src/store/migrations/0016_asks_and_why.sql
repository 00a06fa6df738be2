-- v16: what the studio needs from the client, recorded so it is carried to every client
-- document while open (who at the client, by when, what slips if it is late), and the owner's
-- words for why a result moved in a month ("2026-10") or a fiscal quarter ("2027-Q2").
CREATE TABLE client_ask (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    what        TEXT NOT NULL CHECK (length(trim(what)) > 0),
    who         TEXT NOT NULL DEFAULT '',
    asked_on    TEXT NOT NULL,
    due_on      TEXT NOT NULL,
    if_late     TEXT NOT NULL DEFAULT '',
    done_on     TEXT,
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX client_ask_by_client ON client_ask (client_id, due_on);

CREATE TABLE kpi_note (
    id          INTEGER PRIMARY KEY,
    kpi_id      INTEGER NOT NULL REFERENCES kpi (id) ON DELETE CASCADE,
    period      TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
    why         TEXT NOT NULL CHECK (length(trim(why)) > 0),
    updated_at  TEXT NOT NULL,
    UNIQUE (kpi_id, period)
) STRICT;
