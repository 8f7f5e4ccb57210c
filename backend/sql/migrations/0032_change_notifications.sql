-- Changes every aggregator instance must learn of at once, whoever makes them (the API, the CLI, another
-- instance, an operator's SQL): NOTIFY on commit (backend/db/change-listener.ts listens).
--  s360_tokens     payload: the token's sha256 hash, base64 — a token created, revoked or deleted; each instance
--                  drops that token from its cache (a revoked one at once; an unknown one cached as such).
--  s360_reference  payload: the table — reference data (zones, advisors, channels, …) changed; reloaded once.
CREATE FUNCTION notify_token_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('s360_tokens', encode(CASE WHEN TG_OP = 'DELETE' THEN OLD.token_hash ELSE NEW.token_hash END, 'base64'));
  IF TG_OP = 'UPDATE' AND OLD.token_hash IS DISTINCT FROM NEW.token_hash THEN
    PERFORM pg_notify('s360_tokens', encode(OLD.token_hash, 'base64'));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER api_tokens_notify AFTER INSERT OR UPDATE OR DELETE ON api_tokens
  FOR EACH ROW EXECUTE FUNCTION notify_token_change();

CREATE FUNCTION notify_reference_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- One notification per table and transaction (PostgreSQL folds identical ones).
  PERFORM pg_notify('s360_reference', TG_TABLE_NAME);
  RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['channels', 'categories', 'departments', 'topics', 'statuses', 'stages', 'advisors', 'zones'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION notify_reference_change()',
      t || '_notify', t);
  END LOOP;
END $$;
