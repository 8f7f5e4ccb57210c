-- A department, in use again if it was retired: $1 code, $2 name_en, $3 name_ar, $4 further names (jsonb), $5 calendar.
INSERT INTO departments (code, name_en, name_ar, names, calendar_code) VALUES ($1, $2, $3, $4::jsonb, $5)
ON CONFLICT (code) DO UPDATE SET name_en = $2, name_ar = $3, names = $4::jsonb, calendar_code = $5, retired_at = NULL
