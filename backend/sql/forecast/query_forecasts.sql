-- Stored forecasts of level $1 for the days whose city-local start lies in [$4, $5), and day $7 (tomorrow), in time
-- zone $6; only zones $2 (ids) and codes $3 when given (NULL: all). t: the day's start (epoch ms).
-- The days are worked out once (a few, within the stored ones) and joined: no zone arithmetic per stored row.
WITH bounds AS (
  SELECT greatest(($4::timestamptz AT TIME ZONE $6)::date, (SELECT min(day) FROM forecasts)) AS lo,
         least(($5::timestamptz AT TIME ZONE $6)::date, (SELECT max(day) FROM forecasts)) AS hi
),
days AS (
  SELECT g::date AS day, g::date::timestamp AT TIME ZONE $6 AS starts
  FROM bounds, generate_series(bounds.lo, bounds.hi, interval '1 day') g
  UNION
  SELECT $7::date, $7::date::timestamp AT TIME ZONE $6
),
wanted AS (
  SELECT day, (extract(epoch FROM starts) * 1000)::float8 AS t FROM days
  WHERE (starts >= $4 AND starts < $5) OR day = $7::date
)
SELECT f.zone_id, f.code, to_char(f.day, 'YYYY-MM-DD') AS day, w.t,
       f.point, f.lower_95, f.upper_95, f.method, f.fitted_at
FROM wanted w
JOIN forecasts f ON f.day = w.day
WHERE f.level = $1 AND ($2::int[] IS NULL OR f.zone_id = ANY($2::int[])) AND ($3::text[] IS NULL OR f.code = ANY($3::text[]))
ORDER BY f.zone_id NULLS FIRST, f.code NULLS FIRST, f.day
