-- Copies each given zone's latest population figure (by year) onto the zone itself.
UPDATE zones z
SET population = p.population, population_year = p.year, population_synthetic = p.synthetic, updated_at = now()
FROM (
  SELECT DISTINCT ON (zone_id) zone_id, year, population, synthetic
  FROM zone_population WHERE zone_id = ANY($1::int[])
  ORDER BY zone_id, year DESC
) p
WHERE z.id = p.zone_id
  AND (z.population, z.population_year, z.population_synthetic) IS DISTINCT FROM (p.population, p.year, p.synthetic)
RETURNING z.id
