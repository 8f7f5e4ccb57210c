-- Hot spots of refresh run $1, kept where the topic is in $2, the department in $3, the zone in $4 (NULL: all);
-- the $5 largest.
SELECT h.topic_code, t.name_en AS topic_name_en, t.name_ar AS topic_name_ar, t.department_code,
       z.code AS zone_code, z.name_en AS zone_name_en, z.name_ar AS zone_name_ar,
       h.count, h.first_at, h.last_at, ST_X(h.centroid) AS lon, ST_Y(h.centroid) AS lat, h.radius_m,
       ST_AsGeoJSON(h.centroid, 6) AS centroid_geojson, ST_AsGeoJSON(h.hull, 6) AS hull_geojson, h.request_ids
FROM recurrence_hotspots h
JOIN topics t ON t.code = h.topic_code
LEFT JOIN zones z ON z.id = h.zone_id
WHERE h.run_id = $1::bigint
  AND ($2::text[] IS NULL OR h.topic_code = ANY($2::text[]))
  AND ($3::text[] IS NULL OR t.department_code = ANY($3::text[]))
  AND ($4::int[] IS NULL OR h.zone_id = ANY($4::int[]))
ORDER BY h.count DESC, h.last_at DESC, h.topic_code, h.first_at
LIMIT $5::int
