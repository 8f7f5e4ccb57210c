-- A topic no longer configured and referred to by nothing. $1 code.
DELETE FROM topics WHERE code = $1
