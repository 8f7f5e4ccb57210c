-- Fragment: the zone of the input row `s` (s.lon, s.lat): the smallest zone containing the point, if any.
SELECT p.zone_id FROM zone_parts p
WHERE s.lon IS NOT NULL AND ST_Intersects(p.geom, ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326))
ORDER BY p.area_km2, p.zone_id LIMIT 1
