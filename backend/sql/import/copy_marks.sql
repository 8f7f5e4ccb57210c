COPY rollup_pending (request_id) FROM STDIN
