-- Requests received per city-local day per zone × topic (no rollup cube holds both: read from requests), over
-- the days [$1, $2) (dates) in time zone $3, for the pairs with at least $5 requests in the $4 days before $2.
WITH b AS (
  SELECT ($1::date)::timestamp AT TIME ZONE $3 AS t0, ($2::date)::timestamp AT TIME ZONE $3 AS t1,
         ($2::date - $4::int)::timestamp AT TIME ZONE $3 AS recent
),
kept AS (
  SELECT r.zone_id, r.topic_code FROM requests r, b
  WHERE r.created_at >= b.recent AND r.created_at < b.t1 AND r.zone_id IS NOT NULL AND r.topic_code IS NOT NULL
  GROUP BY 1, 2 HAVING count(*) >= $5
)
SELECT r.zone_id, z.code AS zone_code, r.topic_code AS code,
       to_char((r.created_at AT TIME ZONE $3)::date, 'YYYY-MM-DD') AS day, count(*)::int AS n
FROM requests r
JOIN kept k ON k.zone_id = r.zone_id AND k.topic_code = r.topic_code
JOIN zones z ON z.id = r.zone_id
CROSS JOIN b
WHERE r.created_at >= b.t0 AND r.created_at < b.t1
GROUP BY 1, 2, 3, 4
