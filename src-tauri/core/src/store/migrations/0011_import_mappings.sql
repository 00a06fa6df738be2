-- v11: the owner's column choices for another tool's export, remembered for the next file with
-- the same header (its columns, compared without case, spaces or marks) and named so the CLI can
-- ask for them (`--mapping`). `fields` is the JSON list of the field each column fills, or null.
CREATE TABLE import_mapping (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL UNIQUE,
    header_key  TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL,
    source      TEXT NOT NULL,
    fields      TEXT NOT NULL,
    -- 1: a paid invoice without a payment date in the file counts as paid on its due date.
    paid_on_due_date INTEGER NOT NULL DEFAULT 0 CHECK (paid_on_due_date IN (0, 1)),
    saved_at    TEXT NOT NULL
);
