-- Stored forecasts of level $1 for the days whose city-local start lies in [$4, $5), and day $7 (tomorrow), in time
-- zone $6; only zones $2 (ids) and codes $3 when given (NULL: all). $8: one row per series, its days summed (a
-- table); else one row per series and day (t: the day's start, epoch ms, NULL for tomorrow outside the range).
-- point / lower_95 / upper_95 sum the range's days; tomorrow_*: tomorrow's (NULL when not stored).
-- The days are worked out once (a few, within the stored ones) and joined: no zone arithmetic per stored row; a
-- table is summed here, so a zone map's answer carries a row per zone, not per zone and day.
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
  SELECT day, (extract(epoch FROM starts) * 1000)::float8 AS t, (starts >= $4 AND starts < $5) AS in_range FROM days
  WHERE (starts >= $4 AND starts < $5) OR day = $7::date
)
SELECT f.zone_id, f.code,
       CASE WHEN $8::boolean THEN NULL ELSE min(w.t) FILTER (WHERE w.in_range) END AS t,
       coalesce(sum(f.point) FILTER (WHERE w.in_range), 0)::float8 AS point,
       coalesce(sum(f.lower_95) FILTER (WHERE w.in_range), 0)::float8 AS lower_95,
       coalesce(sum(f.upper_95) FILTER (WHERE w.in_range), 0)::float8 AS upper_95,
       sum(f.point) FILTER (WHERE f.day = $7::date)::float8 AS tomorrow_point,
       sum(f.lower_95) FILTER (WHERE f.day = $7::date)::float8 AS tomorrow_lower,
       sum(f.upper_95) FILTER (WHERE f.day = $7::date)::float8 AS tomorrow_upper,
       to_char(min(f.day), 'YYYY-MM-DD') AS first_day, to_char(max(f.day), 'YYYY-MM-DD') AS last_day, min(f.method) AS method
FROM wanted w
JOIN forecasts f ON f.day = w.day
WHERE f.level = $1 AND ($2::int[] IS NULL OR f.zone_id = ANY($2::int[])) AND ($3::text[] IS NULL OR f.code = ANY($3::text[]))
GROUP BY f.zone_id, f.code, CASE WHEN $8::boolean THEN NULL ELSE f.day END
ORDER BY f.zone_id NULLS FIRST, f.code NULLS FIRST, min(f.day)
