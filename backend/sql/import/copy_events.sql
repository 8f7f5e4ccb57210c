COPY request_events (request_id, kind, from_status, to_status, stage, progress_pct, actor, occurred_at) FROM STDIN
