-- The fresh build's histogram side (backend/rollups/bulk-fresh-side.ts): its committed table dropped, when the main
-- build failed after the side committed, or left by a process that died before the swap (under the fresh-build lock).
DROP TABLE IF EXISTS rollup_hist_fresh