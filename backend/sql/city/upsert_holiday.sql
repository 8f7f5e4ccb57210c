-- A holiday: $1 calendar (NULL: every calendar that observes holidays), $2 day, $3 name_en, $4 name_ar,
-- $5 further names (jsonb), $6 provisional.
INSERT INTO holidays (calendar_code, day, name_en, name_ar, names, provisional) VALUES ($1, $2::date, $3, $4, $5::jsonb, $6)
ON CONFLICT ON CONSTRAINT holidays_calendar_code_day_key DO UPDATE SET name_en = $3, name_ar = $4, names = $5::jsonb, provisional = $6
