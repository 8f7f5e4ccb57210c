-- $1 calendar (NULL: the every-calendar holiday), $2 day.
DELETE FROM holidays WHERE calendar_code IS NOT DISTINCT FROM $1 AND day = $2::date
