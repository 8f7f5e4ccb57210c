-- An SLA policy may apply to the requests of one channel (the city file's applies_to.channel): NULL, any channel.
-- Specificity (backend/sql/ingest/sla_policy_of.sql): topic, then priority, then channel, then kind (category).
ALTER TABLE sla_policies ADD COLUMN channel_code text REFERENCES channels(code);
