-- v12: client names are unique the way Clientwell compares them (`name_key`: Unicode-normalised
-- and case-folded, so "ÉCOLE LUMIÈRE", "École Lumière" and its decomposed spelling are one), in
-- the database itself and not only in the app: SQLite's COLLATE NOCASE folds ASCII letters only.
-- The key is written by triggers, so no write path can forget it. A book holding two names with
-- one key is refused before this runs (see `migrate::refuse_same_names`).
ALTER TABLE client ADD COLUMN name_key TEXT;
UPDATE client SET name_key = name_key(name);
CREATE UNIQUE INDEX client_name_key ON client (name_key);
CREATE TRIGGER client_name_key_insert AFTER INSERT ON client
BEGIN
    UPDATE client SET name_key = name_key(NEW.name) WHERE id = NEW.id;
END;
CREATE TRIGGER client_name_key_update AFTER UPDATE OF name ON client
BEGIN
    UPDATE client SET name_key = name_key(NEW.name) WHERE id = NEW.id;
END;
