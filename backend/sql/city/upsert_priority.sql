-- A priority's labels: $1 code, $2 name_en, $3 name_ar, $4 further names (jsonb), $5 sort.
INSERT INTO priorities (code, name_en, name_ar, names, sort) VALUES ($1, $2, $3, $4::jsonb, $5)
ON CONFLICT (code) DO UPDATE SET name_en = $2, name_ar = $3, names = $4::jsonb, sort = $5
