-- Fragment: the lon/lat search box of a point tile (:z, :x, :y) widened by its buffer (:buffer of
-- :extent units): a Web Mercator rectangle is a lon/lat rectangle, by the inverse formulas (no PROJ).
ST_MakeEnvelope(
          (:x::int - :buffer::float8 / :extent::int) / 2 ^ :z::int * 360 - 180,
          degrees(atan(sinh(pi() * (1 - 2 * (:y::int + 1 + :buffer::float8 / :extent::int) / 2 ^ :z::int)))),
          (:x::int + 1 + :buffer::float8 / :extent::int) / 2 ^ :z::int * 360 - 180,
          degrees(atan(sinh(pi() * (1 - 2 * (:y::int - :buffer::float8 / :extent::int) / 2 ^ :z::int)))), 4326)
