-- A channel, in use again if it was retired: $1 code, $2 name_en, $3 name_ar, $4 further names (jsonb), $5 sort,
-- $6 digital (the city file's flag: digital_share counts its requests).
INSERT INTO channels (code, name_en, name_ar, names, sort, digital) VALUES ($1, $2, $3, $4::jsonb, $5, $6)
ON CONFLICT (code) DO UPDATE SET name_en = $2, name_ar = $3, names = $4::jsonb, sort = $5, digital = $6, retired_at = NULL
