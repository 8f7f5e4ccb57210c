-- What the zones GeoJSON depends on changed when this changes (imports and population updates bump updated_at).
SELECT count(*)::int AS n, coalesce(to_char(max(updated_at) AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSUS'), '0') AS latest FROM zones
