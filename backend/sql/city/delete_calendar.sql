-- A calendar no longer configured and referred to by nothing. $1 code.
DELETE FROM calendars WHERE code = $1
