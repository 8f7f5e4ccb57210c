-- A topic, in use again if it was retired: $1 code, $2 name_en, $3 name_ar, $4 further names (jsonb), $5 department,
-- $6 default priority, $7 proactive action texts (jsonb or NULL).
INSERT INTO topics (code, name_en, name_ar, names, department_code, default_priority, proactive_action) VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7::jsonb)
ON CONFLICT (code) DO UPDATE SET name_en = $2, name_ar = $3, names = $4::jsonb, department_code = $5, default_priority = $6,
  proactive_action = $7::jsonb, retired_at = NULL
