-- The fresh build's tile side (backend/rollups/bulk-fresh-side.ts): the claimed ids (:ids, an
-- int8multirange) as the temporary table bulk_fresh_ids that bulk_fresh_tile_state.sql reads (the main build's table
-- of that name is not visible here, and a temporary table is found first).
CREATE TEMP TABLE bulk_fresh_ids ON COMMIT DROP AS
SELECT generate_series(lower(r), upper(r) - 1) AS request_id
FROM unnest(:ids::int8multirange) AS r
