-- A department no longer configured and referred to by nothing. $1 code.
DELETE FROM departments WHERE code = $1
