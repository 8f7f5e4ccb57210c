-- Fragment: the point tile of the CTE `hits` (newest first): at most $16 features ($14 extent, $15 buffer,
-- tile $11/$12/$13), and whether more were there (capped).
SELECT (
  SELECT ST_AsMVT(t, 'requests', $14::int, 'geom', 'fid')
  FROM (
    SELECT h.id AS fid, h.id, h.category_code AS category, h.channel_code AS channel,
           h.topic_code AS topic, h.status, h.stage, h.sla_state,
           ST_AsMVTGeom(web_mercator_point(h.location), ST_TileEnvelope($11::int, $12::int, $13::int), $14::int, $15::int, true) AS geom
    FROM (SELECT * FROM hits ORDER BY created_at DESC, id DESC LIMIT $16::int) h
  ) t
) AS tile,
(SELECT count(*) FROM hits) > $16::int AS capped
