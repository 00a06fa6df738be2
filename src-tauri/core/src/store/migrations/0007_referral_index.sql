-- v7: referrals are read by either end; the receiving end was indexed (UNIQUE), the sending end
-- was not, so every client page scanned the whole referral table.
CREATE INDEX referral_from ON referral (from_client_id);
