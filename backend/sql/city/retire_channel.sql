-- A channel no longer configured but referred to by data: kept, marked retired. $1 code.
UPDATE channels SET retired_at = now() WHERE code = $1 AND retired_at IS NULL
