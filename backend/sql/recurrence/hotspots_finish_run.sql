-- Records the size and duration of run $1 and drops the runs before it (their hot spots go with them).
WITH done AS (UPDATE recurrence_hotspot_runs SET hotspots = $2::int, duration_ms = $3::int WHERE id = $1::bigint)
DELETE FROM recurrence_hotspot_runs WHERE id < $1::bigint
