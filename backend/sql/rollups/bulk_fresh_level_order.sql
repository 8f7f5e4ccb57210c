-- The levels of the fresh build's rows (:levels) in the order of the rollups and rollup_hist keys, whose first column
-- is the level: ordered as the database orders that text column (bulk-fresh-cubes.ts writes the levels in this order).
SELECT array_agg(level ORDER BY level) AS levels FROM unnest(:levels::text[]) AS level
