-- v9: who at the client a touchpoint was with (optional). Deleting the person keeps the
-- touchpoint and forgets who it was with.
ALTER TABLE touchpoint ADD COLUMN stakeholder_id INTEGER REFERENCES stakeholder (id) ON DELETE SET NULL;
CREATE INDEX touchpoint_stakeholder ON touchpoint (stakeholder_id);
