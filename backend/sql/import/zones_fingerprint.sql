-- Changes whenever zones are added, removed or updated (import-zones sets updated_at and rewrites the parts).
SELECT concat_ws('/', (SELECT count(*) FROM zones), (SELECT max(updated_at) FROM zones), (SELECT count(*) FROM zone_parts),
                 (SELECT max(zone_id) FROM zone_parts)) AS fingerprint
