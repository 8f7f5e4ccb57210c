-- The highest id taken so far in requests and customers (rows or sequence, whichever is further).
SELECT greatest((SELECT coalesce(max(id), 0) FROM requests),
                coalesce(pg_sequence_last_value(pg_get_serial_sequence('requests', 'id')::regclass), 0))::bigint AS requests,
       greatest((SELECT coalesce(max(id), 0) FROM customers),
                coalesce(pg_sequence_last_value(pg_get_serial_sequence('customers', 'id')::regclass), 0))::bigint AS customers
