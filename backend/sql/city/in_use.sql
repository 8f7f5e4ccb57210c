-- What data refers to, per kind of configuration item (backend/city/plan.ts: a referenced item is retired, never
-- deleted): codes with the number of rows referring to them. Topics and departments held by other configuration
-- (departments of topics, calendars of departments) are counted by the plan itself. 'requests': how many requests
-- there are (a change of the city's time zone is refused while any exist: their day and month rollups are cut in it).
-- 'policy': requests opened under any version of each SLA policy (0 too: a policy no request was opened under, leaving
-- the file, never applies rather than ending now, so history loaded later is not judged by it).
SELECT 'channel' AS kind, channel_code AS code, count(*)::int AS n FROM requests GROUP BY channel_code
UNION ALL SELECT 'channel', channel_code, count(*)::int FROM sla_policies WHERE channel_code IS NOT NULL GROUP BY channel_code
UNION ALL SELECT 'topic', topic_code, count(*)::int FROM requests WHERE topic_code IS NOT NULL GROUP BY topic_code
UNION ALL SELECT 'topic', topic_code, count(*)::int FROM sla_policies WHERE topic_code IS NOT NULL GROUP BY topic_code
UNION ALL SELECT 'topic', topic_code, count(*)::int FROM recurrence_hotspots GROUP BY topic_code
UNION ALL SELECT 'department', department_code, count(*)::int FROM requests WHERE department_code IS NOT NULL GROUP BY department_code
UNION ALL SELECT 'department', department_code, count(*)::int FROM advisors GROUP BY department_code
UNION ALL SELECT 'calendar', calendar_code, count(*)::int FROM sla_policies GROUP BY calendar_code
UNION ALL SELECT 'requests', '', count(*)::int FROM requests
UNION ALL SELECT 'policy', p.code, count(r.id)::int FROM sla_policies p LEFT JOIN requests r ON r.sla_policy_id = p.id GROUP BY p.code
