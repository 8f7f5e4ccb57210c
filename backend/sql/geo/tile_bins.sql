-- One vector tile of binned requests (layer "bins", property "count"), for low zooms. $1 from, $2 to,
-- $3..$10 dimension filters, $11 z, $12 x, $13 y, $14 extent, $15 bins per tile side, $16 most features.
-- A point belongs to exactly one tile and one bin (half-open cells, no buffer), so the counts of the
-- tiles of a zoom add up to the requests. A bin is drawn at the mean position of its requests.
-- The lon/lat search box is inline in the WHERE clause so the planner sees a constant (see tile_points.sql).
WITH box AS (
  SELECT tile, ST_XMin(tile) AS x0, ST_YMax(tile) AS y1, ST_XMax(tile) - ST_XMin(tile) AS size
  FROM (SELECT ST_TileEnvelope($11::int, $12::int, $13::int) AS tile) e
),
pts AS (
  -- EPSG:3857 x and y of each point as numbers (the formula of web_mercator_point, without a geometry).
  SELECT radians(ST_X(r.location)) * 6378137.0 AS mx,
         ln(tan(pi() / 4 + radians(ST_Y(r.location)) / 2)) * 6378137.0 AS my
  FROM requests r
  WHERE r.location && ST_MakeEnvelope(
          $12::int / 2 ^ $11::int * 360 - 180, degrees(atan(sinh(pi() * (1 - 2 * ($13::int + 1) / 2 ^ $11::int)))),
          ($12::int + 1) / 2 ^ $11::int * 360 - 180, degrees(atan(sinh(pi() * (1 - 2 * $13::int / 2 ^ $11::int)))), 4326)
    AND r.created_at >= $1::timestamptz AND r.created_at < $2::timestamptz
    AND /* request_filters */
),
cells AS (
  SELECT floor((p.mx - box.x0) / box.size * $15::int)::int AS i,
         floor((box.y1 - p.my) / box.size * $15::int)::int AS j,
         count(*)::int AS n, avg(p.mx) AS mx, avg(p.my) AS my
  FROM pts p, box
  GROUP BY 1, 2
)
SELECT (
  SELECT ST_AsMVT(t, 'bins', $14::int, 'geom')
  FROM (
    SELECT c.n AS count, ST_AsMVTGeom(ST_Point(c.mx, c.my, 3857), box.tile, $14::int, 0, false) AS geom
    FROM cells c, box
    WHERE c.i >= 0 AND c.i < $15::int AND c.j >= 0 AND c.j < $15::int
    ORDER BY c.n DESC, c.i, c.j
    LIMIT $16::int
  ) t
) AS tile,
(SELECT count(*) FROM cells c WHERE c.i >= 0 AND c.i < $15::int AND c.j >= 0 AND c.j < $15::int) > $16::int AS capped
