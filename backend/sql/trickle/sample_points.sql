-- Random points inside zones (weighted towards populated ones) for the live trickle to report from.
SELECT z.code, ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat
FROM zones z
CROSS JOIN LATERAL ST_Dump(ST_GeneratePoints(z.geom, greatest(1, least(20, coalesce(z.population, 2000) / 2000)), $1::int)) p
LIMIT $2
