-- Schema 4: the studio's branding for its documents: an accent colour and an optional logo
-- (PNG or JPEG bytes, checked before they are stored).
ALTER TABLE studio ADD COLUMN accent TEXT NOT NULL DEFAULT '#1f6f6b';
ALTER TABLE studio ADD COLUMN logo BLOB;
