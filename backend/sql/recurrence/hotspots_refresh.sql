-- Materialises the hot spots of [:from, :to) as a new run (parameters as in hotspot_clusters.sql).
WITH run AS (
  INSERT INTO recurrence_hotspot_runs (window_from, window_to, eps_m, min_points, srid, hotspots, duration_ms)
  VALUES (:from::timestamptz, :to::timestamptz, :eps_m::float8, :min_points::int, :srid::int, 0, 0)
  RETURNING id
),
saved AS (
  INSERT INTO recurrence_hotspots (run_id, topic_code, zone_id, count, first_at, last_at, centroid, hull, radius_m, request_ids)
  SELECT run.id, c.topic_code, c.zone_id, c.count, c.first_at, c.last_at, c.centroid, c.hull, c.radius_m, c.request_ids
  FROM run, ({hotspot_clusters}) AS c
  RETURNING 1
)
SELECT (SELECT id FROM run) AS run_id, (SELECT count(*) FROM saved)::int AS hotspots
