-- The city's configuration as data (backend/city, `services360 config apply`): what the city file holds and the
-- tables did not.
--  * city_settings: one row, the city's time zone and languages (English and Arabic always).
--  * names: every named thing's names in the city's further languages ({"fr": "..."}); English and Arabic stay in
--    name_en / name_ar.
--  * retired_at: a channel, department, topic or calendar that the file no longer lists but that data refers to is
--    retired (kept, so history keeps its names), never deleted. An unused one is deleted.
--  * topics.proactive_action: a short action text per language ({"en": "...", "ar": "..."}), or NULL.
--  * holidays.provisional: a date computed ahead (a lunar holiday before its announcement).
--  * priorities: the four priorities' labels (the codes stay fixed: the CHECK constraints of requests, topics and
--    sla_policies hold them).
--  An SLA policy's effective_from is its valid_from (0001): a changed policy is a new version from that instant.
CREATE TABLE city_settings (
  id        boolean PRIMARY KEY DEFAULT true CHECK (id),
  time_zone text NOT NULL,
  languages text[] NOT NULL CHECK (languages @> ARRAY['en','ar']::text[])
);
-- Until a city file is applied the zone is UTC and /readyz says no city is configured (amended 2026-12-06: this
-- row named one city's zone; migrations/amendments.json).
INSERT INTO city_settings (time_zone, languages) VALUES ('UTC', ARRAY['en','ar']);

CREATE TABLE priorities (
  code    text PRIMARY KEY CHECK (code IN ('low','normal','high','urgent')),
  name_en text NOT NULL,
  name_ar text NOT NULL,
  names   jsonb NOT NULL DEFAULT '{}',
  sort    smallint NOT NULL DEFAULT 0
);
INSERT INTO priorities (code, name_en, name_ar, sort) VALUES
 ('low', 'Low', 'منخفضة', 1), ('normal', 'Normal', 'عادية', 2), ('high', 'High', 'عالية', 3), ('urgent', 'Urgent', 'عاجلة', 4);

ALTER TABLE channels    ADD COLUMN names jsonb NOT NULL DEFAULT '{}', ADD COLUMN retired_at timestamptz;
ALTER TABLE categories  ADD COLUMN names jsonb NOT NULL DEFAULT '{}';
ALTER TABLE departments ADD COLUMN names jsonb NOT NULL DEFAULT '{}', ADD COLUMN retired_at timestamptz;
ALTER TABLE topics      ADD COLUMN names jsonb NOT NULL DEFAULT '{}', ADD COLUMN retired_at timestamptz,
                        ADD COLUMN proactive_action jsonb;
ALTER TABLE calendars   ADD COLUMN names jsonb NOT NULL DEFAULT '{}', ADD COLUMN retired_at timestamptz;
ALTER TABLE holidays    ADD COLUMN names jsonb NOT NULL DEFAULT '{}', ADD COLUMN provisional boolean NOT NULL DEFAULT false;

-- The reference cache hears of priority label changes as of the other reference tables (0032).
CREATE TRIGGER priorities_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON priorities
  FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_change();
