-- Histogram counts (first response 'fr', resolution 'rs') over a range, by output bucket, dimensions and bin.
-- Same three sources, slots and parameters as sums.sql, and :hist_kind the kind.
WITH seg AS (SELECT * FROM unnest(:levels::text[], :starts::timestamptz[], :ends::timestamptz[]) AS s(level, lo, hi)),
rolled AS (
  SELECT r.bucket AS t, {r_dims} r.bin, r.n
  FROM seg JOIN rollup_hist r ON r.level = seg.level AND r.cube = :cube AND r.kind = :hist_kind AND r.bucket >= seg.lo AND r.bucket < seg.hi
  WHERE true {r_filters}
),
state_rows AS (
  -- As in sums.sql: the finer segments bound in the text ({state_match}, {state_at}).
  SELECT h.t, {s_dims} h.bin, 1 AS n
  FROM rollup_state s
  CROSS JOIN LATERAL rollup_hist_facts(s.created_at, s.first_response_at, s.finished_at) h
  WHERE ({state_match}) AND h.kind = :hist_kind AND ({state_at}) {s_filters}
),
pending AS (
  SELECT -1 AS sign, s.* FROM rollup_state s WHERE s.request_id IN (SELECT request_id FROM rollup_pending)
  UNION ALL
  SELECT 1 AS sign, c.* FROM rollup_input_current c WHERE c.request_id IN (SELECT request_id FROM rollup_pending)
),
pending_rows AS (
  SELECT h.t, {s_dims} h.bin, s.sign AS n
  FROM pending s
  CROSS JOIN LATERAL rollup_hist_facts(s.created_at, s.first_response_at, s.finished_at) h
  WHERE h.kind = :hist_kind AND h.t >= :from AND h.t < :to {s_filters}
),
all_rows (t, {dims} bin, n) AS (
  {sources}
)
SELECT {bucket} AS bucket, {dims} bin, sum(n)::int AS n
FROM all_rows
GROUP BY 1 {group_by}, bin
HAVING sum(n) <> 0
LIMIT :rows_to_read::bigint
