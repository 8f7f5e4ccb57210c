-- A change of the city's zone: the rollups (day and month buckets), their histograms, the tile bins (day and month
-- cells) and the applied state go, all at once. Every request is then pending (rezone_mark_rollups.sql): a query
-- adds current − applied for pending requests, so it stays exact (from the raw rows) while they are rebuilt.
TRUNCATE rollups, rollup_hist, rollup_state, tile_bin_counts, tile_bin_state
