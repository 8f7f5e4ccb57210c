-- Applies (current − last counted) of the requests $1 to the pre-counted tile bins (migration 0022), at
-- every cell level 5..18, by day and by month. Only requests whose time or position changed (or that
-- appeared) contribute; a status change leaves the bins alone. tile_bin_state is brought up to date by
-- tile_bin_state_apply.sql in the same transaction, after this statement. Rows are written in the key's order (the
-- index is filled leaf after leaf: what the bulk history build, backend/rollups/bulk.ts, gains most from). Each
-- version's day and month are bucketed once, in the city's zone read once (rollup_bucket is then inlined: migration
-- 0047), then spread over the levels.
WITH cur AS (
  SELECT r.id AS request_id, r.created_at, tile_px(r.location) AS px, tile_py(r.location) AS py
  FROM requests r WHERE r.id = ANY($1::bigint[]) AND r.location IS NOT NULL
),
old AS (SELECT request_id, created_at, px, py FROM tile_bin_state WHERE request_id = ANY($1::bigint[])),
versions AS (
  SELECT -1 AS sign, o.created_at, o.px, o.py FROM old o
  WHERE NOT EXISTS (SELECT 1 FROM cur c WHERE c.request_id = o.request_id AND c.created_at = o.created_at AND c.px = o.px AND c.py = o.py)
  UNION ALL
  SELECT 1 AS sign, c.created_at, c.px, c.py FROM cur c
  WHERE NOT EXISTS (SELECT 1 FROM old o WHERE o.request_id = c.request_id AND o.created_at = c.created_at AND o.px = c.px AND o.py = c.py)
),
bucketed AS MATERIALIZED (
  SELECT sign, px, py, rollup_bucket('day', created_at, tz.time_zone) AS day_bucket, rollup_bucket('month', created_at, tz.time_zone) AS month_bucket
  FROM versions
  CROSS JOIN city_time_zone tz
),
facts AS (
  SELECT l.level, s.span, s.bucket, v.px >> (32 - l.level) AS cx, v.py >> (32 - l.level) AS cy, v.sign, v.px, v.py
  FROM bucketed v
  CROSS JOIN generate_series(5, 18) AS l(level)
  CROSS JOIN LATERAL (VALUES ('d'::"char", v.day_bucket), ('m'::"char", v.month_bucket)) AS s(span, bucket)
),
delta AS (
  SELECT level::smallint AS level, (cx >> 5)::int AS tx, (cy >> 5)::int AS ty, span, bucket,
         (cx & 31)::smallint AS i, (cy & 31)::smallint AS j,
         sum(sign)::int AS n, sum(sign * px)::bigint AS sx, sum(sign * py)::bigint AS sy
  FROM facts
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  HAVING sum(sign) <> 0 OR sum(sign * px) <> 0 OR sum(sign * py) <> 0
),
counted AS (
  INSERT INTO tile_bin_counts AS t (level, tx, ty, span, bucket, i, j, n, sx, sy)
  SELECT level, tx, ty, span, bucket, i, j, n, sx, sy FROM delta
  ORDER BY level, tx, ty, span, bucket, i, j
  ON CONFLICT (level, tx, ty, span, bucket, i, j)
  DO UPDATE SET n = t.n + EXCLUDED.n, sx = t.sx + EXCLUDED.sx, sy = t.sy + EXCLUDED.sy
  RETURNING 1
)
SELECT count(*)::int AS rows FROM counted
