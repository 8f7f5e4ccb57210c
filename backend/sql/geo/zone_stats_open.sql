-- Requests open at $2 per zone (received before it, not yet resolved, closed or cancelled at it), matching
-- the dimension filters. $1 is not used: a request received before the range and still open counts.
SELECT z.code AS zone_code, z.population, coalesce(c.n, 0)::int AS value
FROM zones z
LEFT JOIN (
  SELECT r.zone_id, count(*) AS n FROM requests r
  WHERE r.created_at < $2::timestamptz AND $1::timestamptz IS NOT NULL AND r.zone_id IS NOT NULL
    AND (least(r.resolved_at, r.closed_at, r.cancelled_at) IS NULL OR least(r.resolved_at, r.closed_at, r.cancelled_at) >= $2::timestamptz)
    AND /* request_filters */
  GROUP BY r.zone_id
) c ON c.zone_id = z.id
WHERE $3::int[] IS NULL OR z.id = ANY($3::int[])
ORDER BY z.code
