-- The zone parts for the importer's zone locator (import/zone-locator.ts), in the order of the rule in
-- ingest/zone_at_point.sql (smallest zone first), as WKB: the exact coordinates.
SELECT zone_id, ST_AsBinary(geom, 'NDR') AS wkb FROM zone_parts ORDER BY area_km2, zone_id
