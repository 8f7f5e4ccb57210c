-- Requests received per zone in [:from, :to) matching the dimension filters; every zone listed (0 when none).
SELECT z.code AS zone_code, z.population, coalesce(c.n, 0)::int AS value
FROM zones z
LEFT JOIN (
  SELECT r.zone_id, count(*) AS n FROM requests r
  WHERE r.created_at >= :from::timestamptz AND r.created_at < :to::timestamptz AND r.zone_id IS NOT NULL
    AND ({request_filters})
  GROUP BY r.zone_id
) c ON c.zone_id = z.id
WHERE :zone_ids::int[] IS NULL OR z.id = ANY(:zone_ids::int[])
ORDER BY z.code
