-- The officers' dashboard (issue 12, §7) and the committee overview read referrals by the receiving unit's area.
CREATE INDEX referral_area ON referral (to_area_code text_pattern_ops, need_type, status);
-- Time to acceptance and to completion: the first event of each kind per referral.
CREATE INDEX referral_event_kind ON referral_event (kind, referral_id, occurred_at);
