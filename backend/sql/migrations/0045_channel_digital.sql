-- Which channels are digital is the city's fact (the city file's per-channel `digital`, set by `services360 config
-- apply`), not a list in code: the digital_share metric (backend/forecast/metrics/digital-share.ts) counts the
-- requests of the channels marked here. Default false.
-- The seed: the codes digital_share named in code until now, so no database's figure moves on upgrade — Dubai's
-- seeded website, whatsapp, virtual_assistant and open311 (as config/cities/dubai.yaml marks them: a migrated
-- database matches the Dubai file), and mobile_app / app where a city holds them. The city file decides from the
-- next `config apply` on.
ALTER TABLE channels ADD COLUMN digital boolean NOT NULL DEFAULT false;
UPDATE channels SET digital = true WHERE code IN ('website', 'whatsapp', 'virtual_assistant', 'open311', 'mobile_app', 'app');
