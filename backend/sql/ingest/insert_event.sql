WITH ev AS (
  INSERT INTO request_events (request_id, kind, from_status, to_status, stage, progress_pct, advisor_id, actor, note, occurred_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
  RETURNING id, occurred_at
),
upd AS (
  UPDATE requests SET
    status = $4, stage = $5, progress_pct = $6,
    advisor_id = coalesce($7, advisor_id),
    first_response_at = $11,
    resolved_at  = CASE WHEN $12::boolean THEN $13::timestamptz ELSE resolved_at END,
    closed_at    = CASE WHEN $14::boolean THEN $15::timestamptz ELSE closed_at END,
    cancelled_at = CASE WHEN $16::boolean THEN $17::timestamptz ELSE cancelled_at END,
    satisfaction = coalesce($18, satisfaction),
    -- A reopening (to an open status) drops the SLA outcome recorded at the close (0044): the clock runs again.
    sla_recorded_at = CASE WHEN $4 IN ('resolved', 'closed', 'cancelled') THEN sla_recorded_at END,
    updated_at = now()
  WHERE id = $1
  RETURNING reference, status, stage, progress_pct, first_response_at, resolved_at, closed_at, cancelled_at
),
mark AS (
  INSERT INTO rollup_pending (request_id) VALUES ($1) ON CONFLICT (request_id) DO UPDATE SET marked_at = now()
)
SELECT ev.id AS event_id, upd.* FROM ev, upd
