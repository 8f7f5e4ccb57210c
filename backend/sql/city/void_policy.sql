-- Policy $1, which no request was opened under, leaves the configuration: every version ends where it began (an
-- empty range), so it never applies — not even to history loaded later with earlier dates. Kept, not deleted:
-- a retired calendar, topic or channel may still name it.
UPDATE sla_policies SET valid_to = valid_from WHERE code = $1
