-- Sums of the rollup measures over a range, grouped by output bucket and the query's dimensions.
-- Three sources add up to the exact current figures:
--   rolled:   rollup rows of cube :cube for the segments answered by a level (hour, day, month);
--   state:    the facts of the applied request versions (rollup_state) in the segments finer than an hour;
--   pending:  (current − applied) for requests changed since the rollup job last ran.
-- Named parameters: :levels, :starts, :ends of the segments answered by a level, :cube, :from and :to (the range),
-- :filter_<dimension> (in the filter slots), :state_from_<i> and :state_to_<i> (the state segments, in
-- {state_match} and {state_at}), the bucket's (:bucket_ms, :bucket_months, :time_zone), and :rows_to_read: one
-- more row than a target may read (S360_QUERY_MAX_ROWS), so a query too large is refused without its rows
-- ever reaching the aggregator's memory.
-- Slots (backend/query/sql-builder.ts): whitelisted column lists ({r_dims}, {s_dims}, {dims}, {group_by}),
-- the filter conditions ({r_filters}, {s_filters}), the bucket expression ({bucket}), and {sources}: the
-- union of the sources the query needs: `rolled` when a segment is answered by a level, `state_rows` when
-- one is finer than an hour, `pending_rows` when any request is marked. A CTE left out of the union is not
-- planned, so a query without pending changes plans in a fraction of the time.
WITH seg AS (SELECT * FROM unnest(:levels::text[], :starts::timestamptz[], :ends::timestamptz[]) AS s(level, lo, hi)),
rolled AS (
  SELECT r.bucket AS t, {r_dims} r.received, r.closed, r.cancelled, r.res_met, r.res_breached, r.fr_met,
         r.fr_breached, r.progress_sum, r.progress_n, r.sat_sum, r.sat_n
  FROM seg JOIN rollups r ON r.level = seg.level AND r.cube = :cube AND r.bucket >= seg.lo AND r.bucket < seg.hi
  WHERE true {r_filters}
),
state_rows AS (
  -- The segments finer than the rollups, as bound instants in the text ({state_match}: some instant of the
  -- request falls in one; {state_at}: the fact does), so the planner sees the ranges and reads them through
  -- the instants' indexes (as a join against `seg` it estimated half the table and scanned all of it).
  SELECT f.t, {s_dims} f.received, f.closed, f.cancelled, f.res_met, f.res_breached, f.fr_met, f.fr_breached,
         f.progress_sum, f.progress_n, f.sat_sum, f.sat_n
  FROM rollup_state s
  CROSS JOIN LATERAL rollup_facts(s.created_at, s.progress_pct, s.finished_at, s.satisfaction, s.cancelled_at,
                                  s.res_outcome, s.res_outcome_at, s.fr_outcome, s.fr_outcome_at) f
  WHERE ({state_match}) AND ({state_at}) {s_filters}
),
pending AS (
  SELECT -1 AS sign, s.* FROM rollup_state s WHERE s.request_id IN (SELECT request_id FROM rollup_pending)
  UNION ALL
  SELECT 1 AS sign, c.* FROM rollup_input_current c WHERE c.request_id IN (SELECT request_id FROM rollup_pending)
),
pending_rows AS (
  SELECT f.t, {s_dims} s.sign * f.received, s.sign * f.closed, s.sign * f.cancelled, s.sign * f.res_met,
         s.sign * f.res_breached, s.sign * f.fr_met, s.sign * f.fr_breached, s.sign * f.progress_sum,
         s.sign * f.progress_n, s.sign * f.sat_sum, s.sign * f.sat_n
  FROM pending s
  CROSS JOIN LATERAL rollup_facts(s.created_at, s.progress_pct, s.finished_at, s.satisfaction, s.cancelled_at,
                                  s.res_outcome, s.res_outcome_at, s.fr_outcome, s.fr_outcome_at) f
  WHERE f.t >= :from AND f.t < :to {s_filters}
),
all_rows (t, {dims} received, closed, cancelled, res_met, res_breached, fr_met, fr_breached, progress_sum, progress_n, sat_sum, sat_n) AS (
  {sources}
)
SELECT {bucket} AS bucket, {dims}
       sum(received)::int AS received, sum(closed)::int AS closed, sum(cancelled)::int AS cancelled,
       sum(res_met)::int AS res_met, sum(res_breached)::int AS res_breached, sum(fr_met)::int AS fr_met,
       sum(fr_breached)::int AS fr_breached, sum(progress_sum)::float8 AS progress_sum, sum(progress_n)::int AS progress_n,
       sum(sat_sum)::int AS sat_sum, sum(sat_n)::int AS sat_n
FROM all_rows
GROUP BY 1 {group_by}
LIMIT :rows_to_read::bigint
