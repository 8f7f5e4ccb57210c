COPY import_staging (line, source, external_id, channel, category, topic, department, priority, description, address,
                     lon, lat, zone_code, created_at, c_name, c_phone, c_email, c_national_id, c_language,
                     status, stage, progress_pct, first_response_at, resolved_at, closed_at, cancelled_at, satisfaction,
                     ev_kind, ev_from, ev_to, ev_stage, ev_progress, ev_at)
FROM STDIN
