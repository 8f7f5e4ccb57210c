-- Fresh planner statistics for the tables a generation loaded: without them the jobs that follow (the
-- SLA sweep's journey look-ups) plan for empty tables and scan 10 M journey events per batch.
ANALYZE requests, request_events, customers, rollup_pending
