-- A change of the city's zone: policy $1's versions that began ($3) or ended at the old instant of its
-- effective_from take the new one ($2), the same local date and time in the new zone.
UPDATE sla_policies
SET valid_from = CASE WHEN valid_from = $3::timestamptz THEN $2::timestamptz ELSE valid_from END,
    valid_to   = CASE WHEN valid_to   = $3::timestamptz THEN $2::timestamptz ELSE valid_to END
WHERE code = $1 AND (valid_from = $3::timestamptz OR valid_to = $3::timestamptz)
