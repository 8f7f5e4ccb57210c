-- Marks requests whose on-time outcome changed for the rollup job (re-marking takes the row lock; see 0010).
INSERT INTO rollup_pending (request_id)
SELECT unnest($1::bigint[])
ON CONFLICT (request_id) DO UPDATE SET marked_at = now()
