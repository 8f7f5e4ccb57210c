-- The requests among $1 whose point the map cannot project: latitude beyond ±$2 or longitude beyond ±$3
-- (backend/geo/projectable.ts; NaN is beyond every bound in PostgreSQL), with the reason in plain words.
SELECT r.id AS request_id,
       format('location (lon %s, lat %s) is outside what the map can project (latitude within ±%s, longitude within ±%s)',
              ST_X(r.location), ST_Y(r.location), $2::float8, $3::float8) AS error
FROM requests r
WHERE r.id = ANY($1::bigint[]) AND r.location IS NOT NULL
  AND (abs(ST_Y(r.location)) > $2::float8 OR abs(ST_X(r.location)) > $3::float8)
ORDER BY r.id
