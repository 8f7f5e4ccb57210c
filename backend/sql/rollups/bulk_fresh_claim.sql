-- The fresh build: every pending mark claimed at once (as claim_pending.sql: row locks, SKIP LOCKED, deleted in this
-- transaction, so a query keeps counting them as pending until the swap commits and a writer re-marking one waits
-- until then) into bulk_fresh_ids, an unlogged table of this transaction.
CREATE UNLOGGED TABLE bulk_fresh_ids (request_id bigint NOT NULL);
WITH picked AS MATERIALIZED (
  SELECT request_id FROM rollup_pending FOR UPDATE SKIP LOCKED
), claimed AS (
  DELETE FROM rollup_pending p USING picked WHERE p.request_id = picked.request_id
  RETURNING p.request_id
)
INSERT INTO bulk_fresh_ids SELECT request_id FROM claimed ORDER BY request_id
