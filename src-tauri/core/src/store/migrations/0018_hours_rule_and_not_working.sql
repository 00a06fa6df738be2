-- v18: what happens to a retainer's unused hours, as the contract says: not agreed (the documents
-- say nothing), they lapse at the end of each month, or they roll over to the next month.
ALTER TABLE contract ADD COLUMN unused_hours TEXT NOT NULL DEFAULT 'not_agreed'
    CHECK (unused_hours IN ('not_agreed', 'lapse', 'next_month'));

-- And the QBR's third owner section: what did not work this quarter (beside what works and what
-- we adjust).
ALTER TABLE qbr_note ADD COLUMN not_working TEXT NOT NULL DEFAULT '';
