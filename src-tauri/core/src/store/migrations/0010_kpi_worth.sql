-- v10: how a KPI's agreed worth counts — each month the improvement lasts ('monthly': leads,
-- bookings or revenue a month) or once ('once': a cost saved once, a level reached) — the share
-- of the improvement the client agrees the studio may claim, as a range in percent, and whether
-- months below the baseline count against the value. KPIs saved before keep what their worth
-- meant then (the improvement counted once), so no figure changes on update.
ALTER TABLE kpi ADD COLUMN worth_counts TEXT NOT NULL DEFAULT 'monthly' CHECK (worth_counts IN ('monthly', 'once'));
UPDATE kpi SET worth_counts = 'once';
ALTER TABLE kpi ADD COLUMN share_low_pct INTEGER NOT NULL DEFAULT 100 CHECK (share_low_pct BETWEEN 0 AND 100);
ALTER TABLE kpi ADD COLUMN share_high_pct INTEGER NOT NULL DEFAULT 100 CHECK (share_high_pct BETWEEN 0 AND 100);
ALTER TABLE kpi ADD COLUMN below_baseline_counts INTEGER NOT NULL DEFAULT 0 CHECK (below_baseline_counts IN (0, 1));
