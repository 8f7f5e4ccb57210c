-- Fragment: the point tile of the CTE `hits` (newest first): at most $16 features ($14 extent, $15 buffer,
-- tile $11/$12/$13), and whether more were there (capped). The stage's names from the stages table.
SELECT (
  SELECT ST_AsMVT(t, 'requests', $14::int, 'geom', 'fid')
  FROM (
    SELECT h.id AS fid, h.id, h.category_code AS category, h.channel_code AS channel,
           h.topic_code AS topic, h.status, h.stage, h.stage_en, h.stage_ar, h.sla_state,
           ST_AsMVTGeom(web_mercator_point(h.location), ST_TileEnvelope($11::int, $12::int, $13::int), $14::int, $15::int, true) AS geom
    FROM (SELECT hits.*, s.name_en AS stage_en, s.name_ar AS stage_ar
          FROM hits LEFT JOIN stages s ON s.code = hits.stage
          ORDER BY hits.created_at DESC, hits.id DESC LIMIT $16::int) h
  ) t
) AS tile,
(SELECT count(*) FROM hits) > $16::int AS capped
