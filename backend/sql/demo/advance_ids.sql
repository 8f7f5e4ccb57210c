-- Moves the id sequences past the ids the demo wrote ($1 requests, $2 customers), so later inserts never collide.
SELECT setval(pg_get_serial_sequence('requests', 'id'), greatest($1::bigint, 1), $1::bigint > 0),
       setval(pg_get_serial_sequence('customers', 'id'), greatest($2::bigint, 1), $2::bigint > 0)
