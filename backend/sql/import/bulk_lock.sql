-- Bulk history load (import-requests --bulk), first statement of its one transaction: no other session
-- may read or write requests and request_events until COMMIT (their secondary indexes are dropped and
-- rebuilt), nor insert customers (their ids are reserved by ranges). Waits for transactions already
-- using them; the API's ingest, queries reading requests and the jobs wait in turn until the load commits.
LOCK TABLE requests, request_events IN ACCESS EXCLUSIVE MODE;
LOCK TABLE customers IN SHARE ROW EXCLUSIVE MODE;
-- Memory for the index rebuilds at the end (sorts), for this transaction only.
SET LOCAL maintenance_work_mem = '256MB'
