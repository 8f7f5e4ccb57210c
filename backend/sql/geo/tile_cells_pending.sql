-- Fragment: what the requests marked for the rollup job change in the pre-counted cells of the counted days
-- [d0, d1) (CTE `cut`): (−1, position) as counted, (+1, position) as the request is now. Looked up by id: the
-- marks are few, and the planner must not scan the range's requests for them.
SELECT -1 AS sign, s.px, s.py FROM tile_bin_state s
WHERE s.request_id = ANY (ARRAY(SELECT request_id FROM rollup_pending))
  AND s.created_at >= (SELECT d0 FROM cut) AND s.created_at < (SELECT d1 FROM cut)
UNION ALL
SELECT 1, tile_px(r.location), tile_py(r.location) FROM requests r
WHERE r.id = ANY (ARRAY(SELECT request_id FROM rollup_pending)) AND r.location IS NOT NULL
  AND r.created_at >= (SELECT d0 FROM cut) AND r.created_at < (SELECT d1 FROM cut)
