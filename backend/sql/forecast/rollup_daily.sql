-- Requests received per city-local day from the day rollups, for the single-dimension cubes $1 (GROUPING masks,
-- backend/rollups/cubes.ts), over the days [$2, $3) (dates) in time zone $4. code: the cube's one code dimension
-- (department, channel, category or topic); zone_code for the zone cube; all NULL for the whole city.
SELECT r.cube, r.zone_id, z.code AS zone_code, coalesce(r.department, r.channel, r.category, r.topic) AS code,
       to_char((r.bucket AT TIME ZONE $4)::date, 'YYYY-MM-DD') AS day, sum(r.received)::int AS n
FROM rollups r
LEFT JOIN zones z ON z.id = r.zone_id
WHERE r.level = 'day' AND r.cube = ANY($1::smallint[])
  AND r.bucket >= ($2::date)::timestamp AT TIME ZONE $4 AND r.bucket < ($3::date)::timestamp AT TIME ZONE $4
GROUP BY 1, 2, 3, 4, 5
