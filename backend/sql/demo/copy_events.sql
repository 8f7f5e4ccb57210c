COPY request_events (request_id, kind, from_status, to_status, stage, progress_pct, advisor_id, actor, note, occurred_at, recorded_at) FROM STDIN
