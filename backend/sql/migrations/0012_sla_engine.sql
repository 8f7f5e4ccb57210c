-- SLA engine bookkeeping (backend/sla): when each request was last evaluated and the next instant its SLA
-- state can change by itself, the warnings and breaches as they happen, and the sweep's watermark.

-- The `now` the engine last evaluated the request at (0010_rollups adds it too; IF NOT EXISTS keeps the
-- engine independent of it). The rollups read an open request past a due time at that instant as breached.
ALTER TABLE requests ADD COLUMN IF NOT EXISTS sla_evaluated_at timestamptz;
-- The next warning or breach moment of an open request (NULL: nothing happens until the journey moves).
ALTER TABLE requests ADD COLUMN sla_next_check_at timestamptz;
CREATE INDEX requests_sla_next_check_idx ON requests (sla_next_check_at) WHERE sla_next_check_at IS NOT NULL;
-- Requests with a policy the engine has not evaluated yet (the sweep's first pick).
CREATE INDEX requests_sla_unset_idx ON requests (id)
  WHERE sla_policy_id IS NOT NULL AND (first_response_due_at IS NULL OR resolution_due_at IS NULL);

-- A calendar that runs through public holidays: the call centre's around-the-clock calendar does.
ALTER TABLE calendars ADD COLUMN observes_holidays boolean NOT NULL DEFAULT true;
UPDATE calendars SET observes_holidays = false WHERE code = '24x7';

-- Each warning (business elapsed reached the policy's warning_pct) and breach (the due instant passed
-- unmet) of each target, once, with the moment it happened.
CREATE TABLE sla_alerts (
  request_id  bigint NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('warning','breach')),
  target      text NOT NULL CHECK (target IN ('first_response','resolution')),
  at          timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (request_id, kind, target)
);
CREATE INDEX sla_alerts_at_idx ON sla_alerts (at);

-- One row: how far the last complete sweep got.
CREATE TABLE sla_sweep_state (
  id                boolean PRIMARY KEY DEFAULT true CHECK (id),
  swept_until       timestamptz,   -- the `now` of the last complete sweep
  events_seen_until timestamptz,   -- journey events recorded before this had been seen by it
  swept_at          timestamptz    -- when it ran (database clock)
);
INSERT INTO sla_sweep_state DEFAULT VALUES;
