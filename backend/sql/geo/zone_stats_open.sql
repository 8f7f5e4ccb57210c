-- Requests open at :to per zone (received before it, not yet resolved, closed or cancelled at it), matching
-- the dimension filters. :from is not used: a request received before the range and still open counts.
SELECT z.code AS zone_code, z.population, coalesce(c.n, 0)::int AS value
FROM zones z
LEFT JOIN (
  SELECT r.zone_id, count(*) AS n FROM requests r
  WHERE r.created_at < :to::timestamptz AND :from::timestamptz IS NOT NULL AND r.zone_id IS NOT NULL
    AND (least(r.resolved_at, r.closed_at, r.cancelled_at) IS NULL OR least(r.resolved_at, r.closed_at, r.cancelled_at) >= :to::timestamptz)
    AND ({request_filters})
  GROUP BY r.zone_id
) c ON c.zone_id = z.id
WHERE :zone_ids::int[] IS NULL OR z.id = ANY(:zone_ids::int[])
ORDER BY z.code
