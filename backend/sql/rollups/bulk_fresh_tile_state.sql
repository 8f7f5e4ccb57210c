-- The fresh build: the tile bins' state, the time and position of every claimed request with a location (what
-- tile_bin_state_apply.sql records for the incremental job), in key order into the new table; then its statistics,
-- for the statement that groups it (bulk_fresh_tile_days_finest.sql).
INSERT INTO tile_bin_state_fresh (request_id, created_at, px, py)
SELECT r.id, r.created_at, tile_px(r.location), tile_py(r.location)
FROM requests r JOIN bulk_fresh_ids b ON b.request_id = r.id
WHERE r.location IS NOT NULL
ORDER BY r.id;
ANALYZE tile_bin_state_fresh
