-- The fresh build's side (backend/rollups/bulk-fresh-side.ts): the tables a side may commit, dropped when the main
-- build failed after the side committed, or left by a process that died before the swap (under the fresh-build lock).
-- A table of those names the main build is creating is not seen here (it is not committed).
DROP TABLE IF EXISTS rollup_hist_fresh, tile_bin_counts_fresh, tile_bin_state_fresh