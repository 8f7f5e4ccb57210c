-- Zone × topic series forecast to rise: the next 7 days' expected requests (from today, $1, a city-local date) against
-- the 7 days before today (time zone $2): at least $3 more, and at least $4 times as many.
WITH ahead AS (
  SELECT zone_id, code AS topic, sum(point) AS expected
  FROM forecasts WHERE level = 'zone_topic' AND day >= $1::date AND day < $1::date + 7
  GROUP BY 1, 2
),
past AS (
  SELECT r.zone_id, r.topic_code AS topic, count(*)::int AS n
  FROM requests r
  WHERE r.created_at >= ($1::date - 7)::timestamp AT TIME ZONE $2 AND r.created_at < ($1::date)::timestamp AT TIME ZONE $2
    AND r.zone_id IS NOT NULL
  GROUP BY 1, 2
)
SELECT a.zone_id, a.topic, a.expected, coalesce(p.n, 0) AS last_week
FROM ahead a LEFT JOIN past p ON p.zone_id = a.zone_id AND p.topic = a.topic
WHERE a.expected - coalesce(p.n, 0) >= $3::float8 AND a.expected >= coalesce(p.n, 0) * $4::float8
