-- The zones as one GeoJSON FeatureCollection, rendered by PostgreSQL. $1 simplification tolerance in
-- EPSG:3857 metres (0: the stored geometry), $2 decimals of lon/lat, $3 language (en|ar), $4 kind (NULL: all).
-- ST_SimplifyPreserveTopology keeps every polygon valid and never drops one; each zone is simplified on
-- its own (ST_CoverageSimplify, which keeps shared edges shared, needs PostGIS 3.4).
SELECT json_build_object(
  'type', 'FeatureCollection',
  'features', coalesce(json_agg(f.feature ORDER BY f.code), '[]'::json)
)::text AS body,
count(*)::int AS features,
coalesce(sum(f.points), 0)::int AS points
FROM (
  SELECT z.code, ST_NPoints(g.geom) AS points,
         json_build_object(
           'type', 'Feature',
           'id', z.code,
           'properties', json_build_object(
             'code', z.code, 'name_en', z.name_en, 'name_ar', z.name_ar,
             'name', CASE WHEN $3::text = 'ar' THEN z.name_ar ELSE z.name_en END,
             'kind', z.kind, 'parent_code', z.parent_code,
             'population', z.population, 'population_year', z.population_year,
             'population_synthetic', z.population_synthetic,
             'area_km2', round(z.area_km2::numeric, 3)),
           'geometry', ST_AsGeoJSON(g.geom, $2::int)::json
         ) AS feature
  FROM zones z
  CROSS JOIN LATERAL (
    SELECT CASE WHEN $1::float8 > 0
                THEN ST_Transform(ST_SimplifyPreserveTopology(z.geom_3857, $1::float8), 4326)
                ELSE z.geom END AS geom
  ) g
  WHERE $4::text IS NULL OR z.kind = $4::text
) f
