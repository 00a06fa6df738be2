-- v14: why a client left, asked when the owner ends them (one row per client; ending them again
-- replaces it). `notes` are the owner's exit notes: internal. Deleting the client deletes it.
CREATE TABLE client_ending (
    client_id   INTEGER PRIMARY KEY REFERENCES client (id) ON DELETE CASCADE,
    ended_on    TEXT NOT NULL,
    reason      TEXT NOT NULL CHECK (reason IN ('results', 'price', 'budget_cut', 'in_house', 'other_studio', 'relationship', 'project_ended', 'other')),
    notes       TEXT NOT NULL DEFAULT '',
    saved_at    TEXT NOT NULL
) STRICT;
