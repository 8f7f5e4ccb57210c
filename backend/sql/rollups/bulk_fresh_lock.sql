-- The fresh build (backend/rollups/bulk-fresh.ts), first step: the applied tables held against writers (readers go
-- on) until the swap, so that "empty" stays true while the new tables are built beside them.
LOCK TABLE rollups, rollup_hist, rollup_state, tile_bin_counts, tile_bin_state IN SHARE MODE
