-- Bulk load only (requests and customers are locked against other writers: bulk_lock.sql): takes $1
-- request ids and $2 customer ids from their sequences as one range each; returns each range's first id
-- (null when none are asked for). Sequences are not rolled back: a failed load leaves a gap, as nextval does.
SELECT CASE WHEN $1::int > 0 THEN setval(s.requests, nextval(s.requests) + $1::int - 1) - $1::int + 1 END AS requests,
       CASE WHEN $2::int > 0 THEN setval(s.customers, nextval(s.customers) + $2::int - 1) - $2::int + 1 END AS customers
FROM (SELECT pg_get_serial_sequence('requests', 'id')::regclass AS requests,
             pg_get_serial_sequence('customers', 'id')::regclass AS customers) s
