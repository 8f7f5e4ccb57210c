-- Hot spots computed now (parameters as in hotspot_clusters.sql), kept where their zone is in :hotspot_zone_ids (NULL: all);
-- the :max_rows largest.
SELECT h.topic_code, t.name_en AS topic_name_en, t.name_ar AS topic_name_ar, t.department_code,
       z.code AS zone_code, z.name_en AS zone_name_en, z.name_ar AS zone_name_ar,
       h.count, h.first_at, h.last_at, ST_X(h.centroid) AS lon, ST_Y(h.centroid) AS lat, h.radius_m,
       ST_AsGeoJSON(h.centroid, 6) AS centroid_geojson, ST_AsGeoJSON(h.hull, 6) AS hull_geojson, h.request_ids
FROM ({hotspot_clusters}) AS h
JOIN topics t ON t.code = h.topic_code
LEFT JOIN zones z ON z.id = h.zone_id
WHERE :hotspot_zone_ids::int[] IS NULL OR h.zone_id = ANY(:hotspot_zone_ids::int[])
ORDER BY h.count DESC, h.last_at DESC, h.topic_code, h.first_at
LIMIT :max_rows::int
