-- Fragment: the lon/lat search box of a point tile ($11 z, $12 x, $13 y) widened by its buffer ($15 of
-- $14 extent units): a Web Mercator rectangle is a lon/lat rectangle, by the inverse formulas (no PROJ).
ST_MakeEnvelope(
          ($12::int - $15::float8 / $14::int) / 2 ^ $11::int * 360 - 180,
          degrees(atan(sinh(pi() * (1 - 2 * ($13::int + 1 + $15::float8 / $14::int) / 2 ^ $11::int)))),
          ($12::int + 1 + $15::float8 / $14::int) / 2 ^ $11::int * 360 - 180,
          degrees(atan(sinh(pi() * (1 - 2 * ($13::int - $15::float8 / $14::int) / 2 ^ $11::int)))), 4326)
