-- Due times from the source system (issue 11, item 4). A request may arrive with its own resolution due time
-- (the native API's `due_at`, Open311's `expected_datetime`, a CSV column): it is stored in resolution_due_at
-- at once and the SLA engine keeps it (it does not compute one from the policy); resolution_due_source says
-- where the due time came from. A source that keeps no first-response data sends requests without a
-- first-response clock (first_response_clock = false): the engine never sets their first_response_due_at, so
-- the rollups (view rollup_input_current, 0010) read no first-response outcome for them — neither met nor
-- breached, in no first-response on-time figure's numerator or denominator.
-- Both columns have constant defaults: added without rewriting the table.
ALTER TABLE requests ADD COLUMN resolution_due_source text NOT NULL DEFAULT 'policy'
  CONSTRAINT requests_resolution_due_source_check CHECK (resolution_due_source IN ('policy', 'source'));
ALTER TABLE requests ADD COLUMN first_response_clock boolean NOT NULL DEFAULT true;

-- The sweep's first pick (0012): a request without a first-response clock keeps its first_response_due_at
-- NULL for good, so that no longer means "not evaluated yet"; one with a due time from the source has its
-- resolution_due_at from the start, so never having been evaluated (sla_evaluated_at NULL) counts too.
DROP INDEX requests_sla_unset_idx;
CREATE INDEX requests_sla_unset_idx ON requests (id)
  WHERE sla_policy_id IS NOT NULL AND (sla_evaluated_at IS NULL OR (first_response_due_at IS NULL AND first_response_clock)
       OR resolution_due_at IS NULL);
