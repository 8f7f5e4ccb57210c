-- Stored forecasts of level $1 for the days whose city-local start lies in [$4, $5), and day $7 (tomorrow), in time
-- zone $6; only zones $2 (ids) and codes $3 when given (NULL: all). t: the day's start (epoch ms).
SELECT f.zone_id, f.code, to_char(f.day, 'YYYY-MM-DD') AS day,
       (extract(epoch FROM f.day::timestamp AT TIME ZONE $6) * 1000)::float8 AS t,
       f.point, f.lower_95, f.upper_95, f.method, f.fitted_at
FROM forecasts f
WHERE f.level = $1 AND ($2::int[] IS NULL OR f.zone_id = ANY($2::int[])) AND ($3::text[] IS NULL OR f.code = ANY($3::text[]))
  AND ((f.day::timestamp AT TIME ZONE $6 >= $4 AND f.day::timestamp AT TIME ZONE $6 < $5) OR f.day = $7::date)
ORDER BY f.zone_id NULLS FIRST, f.code NULLS FIRST, f.day
