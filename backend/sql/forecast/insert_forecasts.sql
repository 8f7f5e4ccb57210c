-- Forecast rows, one per series and day: $1 level, $2 key, $3 zone_id, $4 code, $5 day, $6 point, $7 lower_80,
-- $8 upper_80, $9 lower_95, $10 upper_95, $11 method (arrays of one length), $12 fitted_at.
INSERT INTO forecasts (level, key, zone_id, code, day, point, lower_80, upper_80, lower_95, upper_95, method, fitted_at)
SELECT u.*, $12::timestamptz
FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::date[], $6::float8[], $7::float8[], $8::float8[],
            $9::float8[], $10::float8[], $11::text[])
     AS u(level, key, zone_id, code, day, point, lower_80, upper_80, lower_95, upper_95, method)
