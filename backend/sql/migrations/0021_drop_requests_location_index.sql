-- requests_location_idx (GiST on location alone) is covered by requests_location_created_idx (0013, GiST on
-- location and created_at): every spatial query on requests (tiles: geo/tile_points.sql, geo/tile_bins.sql)
-- also bounds created_at, and a GiST index answers a condition on its first column alone as well (checked
-- on 1.05M requests: the same plans or better without it, including a time range covering everything:
-- 0.10 ms vs 0.15 ms). Each insert paid for both: ~5 µs of database CPU per request on the CSV import.
DROP INDEX IF EXISTS requests_location_idx;
