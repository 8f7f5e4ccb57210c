-- Closed verdicts never change (issue 11, item 3). sla_recorded_at: when the SLA engine first evaluated the request
-- finished (resolved, closed or cancelled) — its due times and verdict were recorded then, and every later
-- evaluation (a note or event seen by the sweep, a calendar, holiday or policy change) keeps them (sla/refresh.ts).
-- NULL while the request is open; a reopened request loses it (its clock runs again) and records anew at its next
-- resolution. A change of the city's zone clears it (a correction: city/rezone_mark_sla.sql).
ALTER TABLE requests ADD COLUMN sla_recorded_at timestamptz;

-- Finished requests already evaluated after their last journey event (so evaluated finished) are recorded as of
-- that evaluation; the others record at their next evaluation.
UPDATE requests r SET sla_recorded_at = r.sla_evaluated_at
WHERE r.status IN ('resolved', 'closed', 'cancelled') AND r.sla_policy_id IS NOT NULL AND r.sla_evaluated_at IS NOT NULL
  AND r.resolution_due_at IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM request_events e WHERE e.request_id = r.id AND e.recorded_at > r.sla_evaluated_at);

-- The finished requests not recorded yet (city/settle_finished.sql: recorded before a calendar change, with the
-- calendar they finished under).
CREATE INDEX requests_sla_unrecorded_idx ON requests (id)
  WHERE sla_recorded_at IS NULL AND sla_policy_id IS NOT NULL AND status IN ('resolved', 'closed', 'cancelled');
