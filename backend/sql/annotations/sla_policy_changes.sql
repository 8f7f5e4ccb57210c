-- SLA policy versions coming into force within [$1, $2] (both ends inclusive), with what they apply to and
-- their calendar's names. $3 caps the rows.
SELECT p.id, p.code, p.version, p.category_code, p.topic_code, p.priority,
       p.first_response_minutes, p.resolution_minutes, p.warning_pct, p.valid_from, p.valid_to,
       c.code AS calendar_code, c.name_en AS calendar_name_en, c.name_ar AS calendar_name_ar,
       prev.version AS previous_version
FROM sla_policies p
JOIN calendars c ON c.code = p.calendar_code
LEFT JOIN LATERAL (
  SELECT q.version FROM sla_policies q
  WHERE q.code = p.code AND q.version < p.version
  ORDER BY q.version DESC LIMIT 1
) prev ON true
WHERE p.valid_from >= $1::timestamptz AND p.valid_from <= $2::timestamptz
ORDER BY p.valid_from, p.code, p.version
LIMIT $3
