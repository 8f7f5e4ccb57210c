-- Takes $1 request ids and $2 customer ids from their sequences, in increasing order (ids follow the
-- file's order). Concurrent writers may interleave: the ids need not be consecutive.
SELECT (SELECT array_agg(nextval(s.seq) ORDER BY g) FROM generate_series(1, $1::int) g,
          (SELECT pg_get_serial_sequence('requests', 'id')::regclass AS seq) s) AS requests,
       (SELECT array_agg(nextval(s.seq) ORDER BY g) FROM generate_series(1, $2::int) g,
          (SELECT pg_get_serial_sequence('customers', 'id')::regclass AS seq) s) AS customers
