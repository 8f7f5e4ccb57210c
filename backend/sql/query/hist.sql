-- Histogram counts (first response 'fr', resolution 'rs') over a range, by output bucket, dimensions and bin.
-- Same three sources, SOURCES union, LIMIT and parameters as sums.sql; $7 is the kind, $8.. filters.
WITH seg AS (SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) AS s(level, lo, hi)),
rolled AS (
  SELECT r.bucket AS t, /*R_DIMS*/ r.bin, r.n
  FROM seg JOIN rollup_hist r ON r.level = seg.level AND r.cube = $4 AND r.kind = $7 AND r.bucket >= seg.lo AND r.bucket < seg.hi
  WHERE true /*R_FILTERS*/
),
state_rows AS (
  -- As in sums.sql: the finer segments bound in the text (STATE_MATCH, STATE_AT).
  SELECT h.t, /*S_DIMS*/ h.bin, 1 AS n
  FROM rollup_state s
  CROSS JOIN LATERAL rollup_hist_facts(s.created_at, s.first_response_at, s.finished_at) h
  WHERE (/*STATE_MATCH*/) AND h.kind = $7 AND (/*STATE_AT*/) /*S_FILTERS*/
),
pending AS (
  SELECT -1 AS sign, s.* FROM rollup_state s WHERE s.request_id IN (SELECT request_id FROM rollup_pending)
  UNION ALL
  SELECT 1 AS sign, c.* FROM rollup_input_current c WHERE c.request_id IN (SELECT request_id FROM rollup_pending)
),
pending_rows AS (
  SELECT h.t, /*S_DIMS*/ h.bin, s.sign AS n
  FROM pending s
  CROSS JOIN LATERAL rollup_hist_facts(s.created_at, s.first_response_at, s.finished_at) h
  WHERE h.kind = $7 AND h.t >= $5 AND h.t < $6 /*S_FILTERS*/
),
all_rows (t, /*DIMS*/ bin, n) AS (
  /*SOURCES*/
)
SELECT /*BUCKET*/ AS bucket, /*DIMS*/ bin, sum(n)::int AS n
FROM all_rows
GROUP BY 1 /*GROUP_BY*/, bin
HAVING sum(n) <> 0
/*LIMIT*/
