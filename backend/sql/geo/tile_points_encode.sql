-- Fragment: the point tile of the CTE `hits` (newest first): at most :max_features features (:extent, :buffer,
-- tile :z/:x/:y), and whether more were there (capped).
SELECT (
  SELECT ST_AsMVT(t, 'requests', :extent::int, 'geom', 'fid')
  FROM (
    SELECT h.id AS fid, h.id, h.category_code AS category, h.channel_code AS channel,
           h.topic_code AS topic, h.status, h.stage, h.sla_state,
           ST_AsMVTGeom(web_mercator_point(h.location), ST_TileEnvelope(:z::int, :x::int, :y::int), :extent::int, :buffer::int, true) AS geom
    FROM (SELECT * FROM hits ORDER BY created_at DESC, id DESC LIMIT :max_features::int) h
  ) t
) AS tile,
(SELECT count(*) FROM hits) > :max_features::int AS capped
