-- One vector tile of request points (layer "requests"), the same as tile_points.sql, read newest first:
-- $17 is where the newest $16 + 1 likely start (tile_points_cutoff.sql); [$17, to) is read first, and
-- [from, $17) only when that held $16 or fewer, so the answer is the newest of the whole range.
-- $1 from, $2 to, $3..$10 dimension filters, $11 z, $12 x, $13 y, $14 extent, $15 buffer (extent units),
-- $16 most features (the newest are kept), $17 the cut-off (from < $17 < to).
-- Properties: id (also the feature id; the reference is S360- and the id on 9 digits), category, channel,
-- topic, status, sla_state: codes only, so the tile's value table stays small.
-- The search box is the tile (with its buffer) in lon/lat: a Web Mercator rectangle is a lon/lat
-- rectangle, computed here by the inverse formulas rather than ST_Transform (no PROJ set-up, ~100 ms on
-- a connection's first use). It is written inline (not in a CTE) so the planner folds it to a constant
-- and estimates how many points it holds: small tiles use the (location, created_at) GiST index, the
-- whole city the created_at index. web_mercator_point(p) = ST_Transform(p, 3857), without PROJ.
WITH recent AS MATERIALIZED (
  SELECT r.id, r.category_code, r.channel_code, r.topic_code, r.status, r.sla_state, r.created_at, r.location
  FROM requests r
  WHERE r.location && /* tile_points_search_box */
    AND r.created_at >= $17::timestamptz AND r.created_at < $2::timestamptz
    AND /* request_filters */
  ORDER BY r.created_at DESC, r.id DESC
  LIMIT $16::int + 1
),
older AS MATERIALIZED (
  SELECT r.id, r.category_code, r.channel_code, r.topic_code, r.status, r.sla_state, r.created_at, r.location
  FROM requests r
  WHERE r.location && /* tile_points_search_box */
    AND r.created_at >= $1::timestamptz AND r.created_at < $17::timestamptz
    AND /* request_filters */
    AND (SELECT count(*) FROM recent) <= $16::int
  ORDER BY r.created_at DESC, r.id DESC
  LIMIT $16::int + 1
),
hits AS (SELECT * FROM recent UNION ALL SELECT * FROM older)
/* tile_points_encode */
