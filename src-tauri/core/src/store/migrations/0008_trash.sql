-- v8: deleted records are kept for 30 days so a delete can be undone: the deleted row and the
-- rows that went with it (a KPI's values, an invoice's lines), as JSON.
CREATE TABLE trash (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER,
    label       TEXT NOT NULL,
    rows        TEXT NOT NULL,
    deleted_at  TEXT NOT NULL
) STRICT;
