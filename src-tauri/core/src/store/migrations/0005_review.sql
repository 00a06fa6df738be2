-- Schema 5: what the owner did with weekly review items, by the item's stable key.
CREATE TABLE review_state (
    key           TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 200),
    done_on       TEXT,
    snoozed_until TEXT,
    updated_at    TEXT NOT NULL
) STRICT;
