-- Fragment: the tile of the pre-counted cells' CTE `cells` (i, j, n, sx, sy: count and summed positions),
-- layer "bins", property "count", each cell at the mean position of its requests; at most :max_features features
-- (:extent, tile :z/:x/:y), the largest first. For tile_bins_counted.sql and tile_cells_counted.sql.
SELECT ST_AsMVT(t, 'bins', :extent::int, 'geom')
FROM (
  SELECT c.n::int AS count,
         ST_AsMVTGeom(ST_Point((c.sx::float8 / c.n::float8 / 4294967296 - 0.5) * 40075016.68557849,
                               (0.5 - c.sy::float8 / c.n::float8 / 4294967296) * 40075016.68557849, 3857),
                      ST_TileEnvelope(:z::int, :x::int, :y::int), :extent::int, 0, false) AS geom
  FROM cells c
  ORDER BY c.n DESC, c.i, c.j
  LIMIT :max_features::int
) t
