-- The versions of policy $1 in force at or after $2 end at $2 (a new version starts then, or the policy is retired).
UPDATE sla_policies SET valid_to = $2::timestamptz WHERE code = $1 AND (valid_to IS NULL OR valid_to > $2::timestamptz)
