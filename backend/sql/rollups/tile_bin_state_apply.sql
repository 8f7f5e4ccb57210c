-- Records the current time and position of the requests $1 as counted in the tile bins (after
-- apply_tile_bins.sql, in the same transaction). A request without a location (or gone) has no state.
WITH gone AS (
  DELETE FROM tile_bin_state s WHERE s.request_id = ANY($1::bigint[])
    AND NOT EXISTS (SELECT 1 FROM requests r WHERE r.id = s.request_id AND r.location IS NOT NULL)
)
INSERT INTO tile_bin_state (request_id, created_at, px, py)
SELECT r.id, r.created_at, tile_px(r.location), tile_py(r.location)
FROM requests r WHERE r.id = ANY($1::bigint[]) AND r.location IS NOT NULL
ON CONFLICT (request_id) DO UPDATE SET created_at = EXCLUDED.created_at, px = EXCLUDED.px, py = EXCLUDED.py
WHERE (tile_bin_state.created_at, tile_bin_state.px, tile_bin_state.py) IS DISTINCT FROM (EXCLUDED.created_at, EXCLUDED.px, EXCLUDED.py)
