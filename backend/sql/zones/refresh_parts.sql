-- Rebuilds the subdivided pieces of the given zones (fast point-in-zone lookups).
WITH gone AS (DELETE FROM zone_parts WHERE zone_id = ANY($1::int[]))
INSERT INTO zone_parts (zone_id, area_km2, geom)
SELECT z.id, z.area_km2, (ST_Dump(ST_Subdivide(z.geom, $2::int))).geom
FROM zones z WHERE z.id = ANY($1::int[])
