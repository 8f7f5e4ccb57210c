-- The newest refresh of the hot spots.
SELECT id, window_from, window_to, eps_m, min_points, srid, hotspots, computed_at, duration_ms
FROM recurrence_hotspot_runs ORDER BY id DESC LIMIT 1
