-- The city's time zone and its local day at instant $1 (as 'YYYY-MM-DD').
SELECT time_zone, to_char(($1::timestamptz AT TIME ZONE time_zone)::date, 'YYYY-MM-DD') AS today FROM city_settings
