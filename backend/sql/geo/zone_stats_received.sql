-- Requests received per zone in [$1, $2) matching the dimension filters; every zone listed (0 when none).
SELECT z.code AS zone_code, z.population, coalesce(c.n, 0)::int AS value
FROM zones z
LEFT JOIN (
  SELECT r.zone_id, count(*) AS n FROM requests r
  WHERE r.created_at >= $1::timestamptz AND r.created_at < $2::timestamptz AND r.zone_id IS NOT NULL
    AND /* request_filters */
  GROUP BY r.zone_id
) c ON c.zone_id = z.id
WHERE $3::int[] IS NULL OR z.id = ANY($3::int[])
ORDER BY z.code
