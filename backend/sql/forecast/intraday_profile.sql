-- The share of a day's requests received by the end of each city-local hour, over the 28 days before $3 (date),
-- from the city's hour rollups (cube $1) in time zone $2. Nothing is written when those days are empty.
WITH h AS (
  SELECT extract(hour FROM r.bucket AT TIME ZONE $2)::int AS hour, sum(r.received)::float8 AS n
  FROM rollups r
  WHERE r.level = 'hour' AND r.cube = $1
    AND r.bucket >= ($3::date - 28)::timestamp AT TIME ZONE $2 AND r.bucket < ($3::date)::timestamp AT TIME ZONE $2
  GROUP BY 1
),
c AS (
  SELECT g.hour, sum(coalesce(h.n, 0)) OVER (ORDER BY g.hour) AS cum, sum(coalesce(h.n, 0)) OVER () AS total
  FROM generate_series(0, 23) AS g(hour) LEFT JOIN h ON h.hour = g.hour
)
INSERT INTO forecast_intraday (hour, share)
SELECT hour, least(1, cum / total) FROM c WHERE total > 0
ON CONFLICT (hour) DO UPDATE SET share = EXCLUDED.share
