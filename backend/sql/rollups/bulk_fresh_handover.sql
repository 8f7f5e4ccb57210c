-- The fresh build's hand-over to its sides (backend/rollups/bulk-fresh-side.ts), which cannot read this
-- transaction's tables: this transaction's snapshot (each side begins in it), and the claimed requests
-- (bulk_fresh_ids, the unprojectable ones gone) as one int8multirange. Claimed ids run mostly in unbroken runs, so
-- the text stays short however many there are.
SELECT pg_export_snapshot() AS snapshot,
       coalesce(range_agg(int8range(request_id, request_id, '[]')), '{}'::int8multirange)::text AS ids
FROM bulk_fresh_ids
