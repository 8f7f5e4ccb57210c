-- One vector tile of request points (layer "requests"). :from, :to, the dimension filters ({request_filters}),
-- :z, :x, :y, :extent, :buffer (extent units), :max_features most features (the newest are kept).
-- Properties: id (also the feature id; the reference is S360- and the id on 9 digits), category, channel,
-- topic, status, stage, sla_state: codes only, so the tile's value table stays small (the panel names the stage
-- from GET /v1/variables/stage); no personal data.
-- The search box is the tile (with its buffer) in lon/lat: a Web Mercator rectangle is a lon/lat
-- rectangle, computed here by the inverse formulas rather than ST_Transform (no PROJ set-up, ~100 ms on
-- a connection's first use). It is written inline (not in a CTE) so the planner folds it to a constant
-- and estimates how many points it holds: small tiles use the (location, created_at) GiST index, the
-- whole city the created_at index. web_mercator_point(p) = ST_Transform(p, 3857), without PROJ.
WITH hits AS MATERIALIZED (
  SELECT r.id, r.category_code, r.channel_code, r.topic_code, r.status, r.stage, r.sla_state, r.created_at, r.location
  FROM requests r
  WHERE r.location && ({tile_points_search_box})
    AND r.created_at >= :from::timestamptz AND r.created_at < :to::timestamptz
    AND ({request_filters})
  ORDER BY r.created_at DESC, r.id DESC
  LIMIT :max_features::int + 1
)
({tile_points_encode})
