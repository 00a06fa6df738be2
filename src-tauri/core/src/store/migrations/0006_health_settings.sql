-- Schema 6: the owner's overrides of health signals, and settings stored as JSON by key
-- (health thresholds and which signals count; more settings can join without a migration).
CREATE TABLE health_override (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    signal      TEXT NOT NULL CHECK (signal IN ('engagement', 'outcome', 'payment', 'sentiment')),
    score       INTEGER NOT NULL CHECK (score BETWEEN 0 AND 2),
    reason      TEXT NOT NULL CHECK (length(reason) > 0),
    set_on      TEXT NOT NULL,
    expires_on  TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX health_override_client ON health_override (client_id, signal);

CREATE TABLE setting (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
