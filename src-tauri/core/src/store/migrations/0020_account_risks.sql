-- v20: the quarterly account plan's risks: what could cost the client, what we do about it and
-- who does it. Internal; a risk is shown in the QBR only when the owner marks it for the client
-- (and then it has its mitigation written).
CREATE TABLE account_risk (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    title       TEXT NOT NULL CHECK (length(title) > 0),
    mitigation  TEXT NOT NULL DEFAULT '',
    owner       TEXT NOT NULL DEFAULT '',
    raised_on   TEXT NOT NULL,
    closed_on   TEXT,
    show_client INTEGER NOT NULL DEFAULT 0 CHECK (show_client IN (0, 1)),
    created_at  TEXT NOT NULL,
    CHECK (show_client = 0 OR length(mitigation) > 0)
) STRICT;
CREATE INDEX account_risk_client ON account_risk (client_id);
