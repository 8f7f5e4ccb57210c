-- Upserts population figures, one per (zone, year): $1 zone ids, $2 years, $3 populations, $4 synthetic flags.
INSERT INTO zone_population (zone_id, year, population, synthetic)
SELECT zone_id, year, population, synthetic
FROM unnest($1::int[], $2::smallint[], $3::int[], $4::boolean[]) AS t(zone_id, year, population, synthetic)
ON CONFLICT (zone_id, year) DO UPDATE SET population = EXCLUDED.population, synthetic = EXCLUDED.synthetic
