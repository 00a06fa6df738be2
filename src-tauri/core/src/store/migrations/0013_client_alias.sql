-- v13: the other names a client goes by in other tools' files ("Harbour Bakery Ltd" in Xero),
-- each confirmed by the owner in an import's preview, so the next file finds the client itself.
-- `key` is the name as `name_key` compares it; deleting the client deletes its other names.
CREATE TABLE client_alias (
    key         TEXT PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    written     TEXT NOT NULL,
    saved_at    TEXT NOT NULL
) STRICT;
CREATE INDEX client_alias_client ON client_alias (client_id);
