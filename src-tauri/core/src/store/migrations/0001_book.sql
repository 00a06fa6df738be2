-- v1: the studio and its clients.
CREATE TABLE studio (
    id          INTEGER PRIMARY KEY CHECK (id = 1), -- one studio per book
    name        TEXT NOT NULL CHECK (length(name) > 0),
    currency    TEXT NOT NULL CHECK (length(currency) = 3),
    paper_size  TEXT NOT NULL CHECK (paper_size IN ('A4', 'Letter')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE client (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(name) > 0),
    status      TEXT NOT NULL CHECK (status IN ('prospect', 'onboarding', 'active', 'paused', 'ended')),
    goal        TEXT NOT NULL DEFAULT '',
    start_date  TEXT NOT NULL CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    notes       TEXT NOT NULL DEFAULT '',
    archived_at TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

-- Names are how owners find clients: two clients may not share one (archived ones included,
-- so restoring never creates a clash).
CREATE UNIQUE INDEX client_name ON client (name COLLATE NOCASE);
CREATE INDEX client_archived_name ON client (archived_at, name COLLATE NOCASE);
