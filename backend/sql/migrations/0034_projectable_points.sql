-- Web Mercator ends at ±85.05112878° of latitude; at ±90° y is infinite and the functions of migrations 0011
-- (web_mercator_point) and 0022 (tile_py) raised "cannot take logarithm of zero", failing every rollup run and
-- every tile over such a point. Ingest now refuses points beyond the limit (backend/geo/projectable.ts, the one
-- declaration of 85.05112878; projectable.test.ts checks this file against it); these replacements clamp the
-- latitude to the limit first, so a point stored before (or written around the API) lands on the map's edge
-- instead of failing. Same results as before for every latitude inside the limit (tile_py already clamped its
-- result to the square).
CREATE OR REPLACE FUNCTION web_mercator_point(p geometry) RETURNS geometry
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ST_SetSRID(ST_MakePoint(radians(least(greatest(ST_X(p), -180), 180)) * 6378137.0,
                                 ln(tan(pi() / 4 + radians(least(greatest(ST_Y(p), -85.05112878), 85.05112878)) / 2)) * 6378137.0), 3857)
$$;

CREATE OR REPLACE FUNCTION tile_py(location geometry) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT least(greatest(floor((1 - ln(tan(radians(least(greatest(ST_Y(location), -85.05112878), 85.05112878)))
                                      + 1 / cos(radians(least(greatest(ST_Y(location), -85.05112878), 85.05112878)))) / pi()) / 2
                              * 4294967296::float8), 0), 4294967295)::bigint
$$;
