-- The city's time zone (config apply): the demo's days and local hours follow it.
SELECT time_zone FROM city_settings
