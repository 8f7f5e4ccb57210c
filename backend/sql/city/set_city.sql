-- $1 time zone, $2 languages.
UPDATE city_settings SET time_zone = $1, languages = $2::text[]
