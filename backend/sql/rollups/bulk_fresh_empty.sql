-- True when nothing has been applied yet (a fresh history load, a demo generation, a change of zone): the
-- rollups, histograms, tile bins and both applied states are empty, so the fresh build may replace them.
SELECT NOT EXISTS (SELECT FROM rollups) AND NOT EXISTS (SELECT FROM rollup_hist) AND NOT EXISTS (SELECT FROM rollup_state)
   AND NOT EXISTS (SELECT FROM tile_bin_counts) AND NOT EXISTS (SELECT FROM tile_bin_state) AS empty
