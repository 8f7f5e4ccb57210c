-- Incremental rollups. Every request contributes "facts" at instants (received at created_at, closed at
-- its finish, cancelled, SLA met/breached at the moment the outcome was decided, first-response and
-- resolution durations into log-scale histograms). rollup_state keeps the version of each request last
-- applied; the rollup job applies (current − applied) for the requests marked in rollup_pending, into
-- hour, day and month buckets of several "cubes" (GROUPING SETS of the dimensions). Queries add
-- the same delta for requests still pending, so answers are exact and fresh between runs. The parts of a
-- range finer than an hour are summed from rollup_state itself (indexed by each fact's instant).

-- When the SLA engine last evaluated a request: an open request past a due time at that instant is breached.
ALTER TABLE requests ADD COLUMN sla_evaluated_at timestamptz;

-- Re-marking a pending request must take its row lock, so the rollup job never loses a concurrent change.
-- (Writers use INSERT … ON CONFLICT (request_id) DO UPDATE SET marked_at = now().)

-- The reporting time zone of day and month buckets: UTC here, the city's own since migration 0039 (amended
-- 2026-12-06: this text named one city's zone; migrations/amendments.json).
CREATE FUNCTION rollup_bucket(level text, t timestamptz) RETURNS timestamptz
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE level
    WHEN 'hour'   THEN date_trunc('hour', t)
    WHEN 'day'    THEN date_trunc('day', t, 'UTC')
    WHEN 'month'  THEN date_trunc('month', t, 'UTC')
  END
$$;

-- Log-scale histogram bin of a duration in seconds: bin 0 = [0,1 s), bin k = [1.05^(k-1), 1.05^k).
CREATE FUNCTION rollup_hist_bin(seconds double precision) RETURNS smallint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN seconds < 1 THEN 0 ELSE (1 + floor(ln(seconds) / ln(1.05)))::smallint END
$$;

-- A request as the rollups see it (one row per request).
CREATE VIEW rollup_input_current AS
SELECT r.id AS request_id, r.zone_id, r.channel_code AS channel, r.category_code AS category, r.topic_code AS topic,
       r.department_code AS department, r.advisor_id, st.status_class, r.priority,
       r.created_at,
       CASE WHEN st.status_class <> 'cancelled' THEN r.progress_pct END AS progress_pct,
       f.finished_at,
       CASE WHEN f.finished_at IS NOT NULL THEN r.satisfaction END AS satisfaction,
       CASE WHEN st.status_class = 'cancelled' THEN coalesce(r.cancelled_at, r.updated_at) END AS cancelled_at,
       r.first_response_at,
       o.res_outcome,
       CASE o.res_outcome WHEN 'met' THEN f.finished_at WHEN 'breached' THEN r.resolution_due_at END AS res_outcome_at,
       o.fr_outcome,
       CASE o.fr_outcome WHEN 'met' THEN r.first_response_at WHEN 'breached' THEN r.first_response_due_at END AS fr_outcome_at
FROM requests r
JOIN statuses st ON st.code = r.status
CROSS JOIN LATERAL (SELECT CASE WHEN st.status_class = 'closed' THEN coalesce(r.resolved_at, r.closed_at) END AS finished_at) f
CROSS JOIN LATERAL (SELECT
  CASE WHEN st.status_class = 'cancelled' OR r.resolution_due_at IS NULL THEN NULL
       WHEN f.finished_at IS NOT NULL THEN CASE WHEN f.finished_at <= r.resolution_due_at THEN 'met' ELSE 'breached' END
       WHEN r.resolution_due_at <= r.sla_evaluated_at THEN 'breached' END AS res_outcome,
  CASE WHEN st.status_class = 'cancelled' OR r.first_response_due_at IS NULL THEN NULL
       WHEN r.first_response_at IS NOT NULL THEN CASE WHEN r.first_response_at <= r.first_response_due_at THEN 'met' ELSE 'breached' END
       WHEN r.first_response_due_at <= r.sla_evaluated_at THEN 'breached' END AS fr_outcome) o;

-- The version of each request last applied to the rollups (same columns as the view).
CREATE TABLE rollup_state AS SELECT * FROM rollup_input_current WITH NO DATA;
ALTER TABLE rollup_state ADD PRIMARY KEY (request_id);
CREATE INDEX rollup_state_created_idx ON rollup_state (created_at);
CREATE INDEX rollup_state_finished_idx ON rollup_state (finished_at) WHERE finished_at IS NOT NULL;
CREATE INDEX rollup_state_cancelled_idx ON rollup_state (cancelled_at) WHERE cancelled_at IS NOT NULL;
CREATE INDEX rollup_state_res_idx ON rollup_state (res_outcome_at) WHERE res_outcome_at IS NOT NULL;
CREATE INDEX rollup_state_fr_idx ON rollup_state (fr_outcome_at) WHERE fr_outcome_at IS NOT NULL;
CREATE INDEX rollup_state_first_response_idx ON rollup_state (first_response_at) WHERE first_response_at IS NOT NULL;

-- The facts one request version contributes (an instant each, with its measures).
CREATE FUNCTION rollup_facts(created_at timestamptz, progress_pct smallint, finished_at timestamptz, satisfaction smallint,
                             cancelled_at timestamptz, res_outcome text, res_outcome_at timestamptz,
                             fr_outcome text, fr_outcome_at timestamptz)
RETURNS TABLE (t timestamptz, received int, closed int, cancelled int, res_met int, res_breached int,
               fr_met int, fr_breached int, progress_sum int, progress_n int, sat_sum int, sat_n int)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT * FROM (VALUES
    (created_at,     1, 0, 0, 0, 0, 0, 0, coalesce(progress_pct, 0)::int, (progress_pct IS NOT NULL)::int, 0, 0),
    (finished_at,    0, 1, 0, 0, 0, 0, 0, 0, 0, coalesce(satisfaction, 0)::int, (satisfaction IS NOT NULL)::int),
    (cancelled_at,   0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0),
    (res_outcome_at, 0, 0, 0, (res_outcome = 'met')::int, (res_outcome = 'breached')::int, 0, 0, 0, 0, 0, 0),
    (fr_outcome_at,  0, 0, 0, 0, 0, (fr_outcome = 'met')::int, (fr_outcome = 'breached')::int, 0, 0, 0, 0)
  ) AS f(t, received, closed, cancelled, res_met, res_breached, fr_met, fr_breached, progress_sum, progress_n, sat_sum, sat_n)
  WHERE f.t IS NOT NULL
$$;

-- The durations one request version contributes: first response ('fr') and resolution ('rs').
CREATE FUNCTION rollup_hist_facts(created_at timestamptz, first_response_at timestamptz, finished_at timestamptz)
RETURNS TABLE (t timestamptz, kind text, bin smallint)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT * FROM (VALUES
    (first_response_at, 'fr', rollup_hist_bin(extract(epoch FROM first_response_at - created_at)::float8)),
    (finished_at,       'rs', rollup_hist_bin(extract(epoch FROM finished_at - created_at)::float8))
  ) AS h(t, kind, bin)
  WHERE h.t IS NOT NULL
$$;

CREATE TABLE rollups (
  level        text NOT NULL CHECK (level IN ('hour','day','month')),
  cube         smallint NOT NULL,   -- GROUPING() bitmask: bit set = dimension summed over
  bucket       timestamptz NOT NULL,
  zone_id      integer,
  channel      text,
  category     text,
  topic        text,
  department   text,
  advisor_id   integer,
  status_class text,
  priority     text,
  received     integer NOT NULL,
  closed       integer NOT NULL,
  cancelled    integer NOT NULL,
  res_met      integer NOT NULL,
  res_breached integer NOT NULL,
  fr_met       integer NOT NULL,
  fr_breached  integer NOT NULL,
  progress_sum bigint NOT NULL,
  progress_n   integer NOT NULL,
  sat_sum      integer NOT NULL,
  sat_n        integer NOT NULL
);
CREATE UNIQUE INDEX rollups_key ON rollups
  (level, cube, bucket, zone_id, channel, category, topic, department, advisor_id, status_class, priority) NULLS NOT DISTINCT;

CREATE TABLE rollup_hist (
  level        text NOT NULL,
  cube         smallint NOT NULL,
  bucket       timestamptz NOT NULL,
  zone_id      integer,
  channel      text,
  category     text,
  topic        text,
  department   text,
  advisor_id   integer,
  status_class text,
  priority     text,
  kind         text NOT NULL CHECK (kind IN ('fr','rs')),
  bin          smallint NOT NULL,
  n            integer NOT NULL
);
CREATE UNIQUE INDEX rollup_hist_key ON rollup_hist
  (level, cube, kind, bucket, zone_id, channel, category, topic, department, advisor_id, status_class, priority, bin) NULLS NOT DISTINCT;

-- Job bookkeeping: last run of each job (also read by /readyz and /metrics).
CREATE TABLE job_runs (
  job         text PRIMARY KEY,
  last_run_at timestamptz NOT NULL,
  runs        bigint NOT NULL DEFAULT 0,
  last_ms     integer,
  last_items  integer,
  last_error  text
);
-- Every run of every job (proves with several instances that each tick ran once).
CREATE TABLE job_run_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  job         text NOT NULL,
  tick        timestamptz NOT NULL,
  instance    text NOT NULL,
  started_at  timestamptz NOT NULL DEFAULT now(),
  ms          integer,
  items       integer,
  UNIQUE (job, tick)
);
