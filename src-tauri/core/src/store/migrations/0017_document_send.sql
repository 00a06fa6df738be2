-- v17: the month and quarter close, and the client's annual budget. For each client's monthly summary ("2026-10") or QBR
-- ("2027-Q2"): when the owner marked it reviewed, where it was saved, when it was sent.
CREATE TABLE document_send (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('monthly', 'qbr')),
    period      TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' OR period GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'),
    reviewed_on TEXT,
    saved_to    TEXT NOT NULL DEFAULT '',
    sent_on     TEXT,
    updated_at  TEXT NOT NULL,
    UNIQUE (client_id, kind, period)
) STRICT;

-- And what the client budgets for the studio's work in a fiscal year, if they shared it (minor
-- units): the QBR sets the year's invoices against it.
ALTER TABLE client ADD COLUMN annual_budget_cents INTEGER CHECK (annual_budget_cents IS NULL OR annual_budget_cents >= 0);
