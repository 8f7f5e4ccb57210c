-- A calendar, in use again if it was retired: $1 code, $2 name_en, $3 name_ar, $4 further names (jsonb),
-- $5 time zone, $6 weekly_hours (jsonb), $7 observes holidays.
INSERT INTO calendars (code, name_en, name_ar, names, timezone, weekly_hours, observes_holidays) VALUES ($1, $2, $3, $4::jsonb, $5, $6::jsonb, $7)
ON CONFLICT (code) DO UPDATE SET name_en = $2, name_ar = $3, names = $4::jsonb, timezone = $5, weekly_hours = $6::jsonb,
  observes_holidays = $7, retired_at = NULL
