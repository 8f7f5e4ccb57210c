-- A channel no longer configured and referred to by nothing. $1 code.
DELETE FROM channels WHERE code = $1
