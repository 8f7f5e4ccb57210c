-- Upserts one zone from GeoJSON geometry in SRID $6: made valid, polygons only, reprojected to 4326 and 3857.
-- Returns nothing when the geometry holds no polygon after ST_MakeValid (the caller reports it skipped);
-- `repaired` says the input was not valid and ST_MakeValid changed it.
WITH raw AS (
  SELECT ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($5), $6::int), 4326) AS geom
),
g AS (
  SELECT ST_Multi(ST_CollectionExtract(ST_MakeValid(raw.geom), 3)) AS geom, NOT ST_IsValid(raw.geom) AS repaired
  FROM raw
),
ok AS (SELECT geom, repaired FROM g WHERE NOT ST_IsEmpty(geom) AND ST_IsValid(geom))
INSERT INTO zones (code, name_en, name_ar, kind, parent_code, geom, geom_3857, area_km2, updated_at)
SELECT $1, $2, $3, $4, $7, ok.geom, ST_Transform(ok.geom, 3857), ST_Area(ok.geom::geography) / 1e6, now()
FROM ok
ON CONFLICT (code) DO UPDATE SET
  name_en = EXCLUDED.name_en, name_ar = EXCLUDED.name_ar, kind = EXCLUDED.kind,
  parent_code = coalesce(EXCLUDED.parent_code, zones.parent_code),
  geom = EXCLUDED.geom, geom_3857 = EXCLUDED.geom_3857, area_km2 = EXCLUDED.area_km2, updated_at = now()
RETURNING id, (xmax = 0) AS inserted, (SELECT repaired FROM ok) AS repaired
