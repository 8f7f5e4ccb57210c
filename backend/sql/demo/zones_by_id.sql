-- The zones the demo places requests in, with their geometry and a point surely inside each.
SELECT id, code, name_en, name_ar, kind, parent_code, coalesce(population, 0) AS population, population_year, population_synthetic, area_km2,
       ST_AsGeoJSON(geom, 15)::json AS geometry, ST_AsGeoJSON(ST_PointOnSurface(geom), 6)::json AS inside
FROM zones WHERE id = ANY($1::int[]) ORDER BY code
