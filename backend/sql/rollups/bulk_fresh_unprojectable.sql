-- The fresh build: claimed requests whose point the map cannot project (as find_unprojectable.sql: latitude beyond
-- ±:max_latitude or longitude beyond ±:max_longitude) leave bulk_fresh_ids, returned with the reason to be set aside.
DELETE FROM bulk_fresh_ids b USING requests r
WHERE r.id = b.request_id AND r.location IS NOT NULL
  AND (abs(ST_Y(r.location)) > :max_latitude::float8 OR abs(ST_X(r.location)) > :max_longitude::float8)
RETURNING b.request_id,
  format('location (lon %s, lat %s) is outside what the map can project (latitude within ±%s, longitude within ±%s)',
         ST_X(r.location), ST_Y(r.location), :max_latitude::float8, :max_longitude::float8) AS error
