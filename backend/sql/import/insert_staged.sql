-- Writes the staged chunk in one statement, as ingest/insert_requests.sql does for the API: zone by
-- point-in-polygon (the smallest containing zone wins; none = unzoned) or by code, the SLA policy by
-- specificity, the customer, the request in its final state, its whole journey and its rollup mark.
-- (source, external_id) already present: the row is skipped, so re-running an import writes nothing.
-- Staged keys are unique within a chunk (the reader drops repeats). Ids follow the file's order.
-- (The sequences are looked up once, not per row: pg_get_serial_sequence reads the catalog.)
WITH numbered AS (
  -- Rows already present are dropped first (a re-run costs a look-up per row, not the whole work);
  -- ON CONFLICT below still settles a race with a concurrent writer.
  SELECT nextval((SELECT pg_get_serial_sequence('requests', 'id'))::regclass) AS id, s.*
  FROM (SELECT * FROM import_staging i
        WHERE NOT EXISTS (SELECT 1 FROM requests r WHERE r.source = i.source AND r.external_id = i.external_id)
        ORDER BY line OFFSET 0) s
),
located AS (
  SELECT s.*,
         CASE WHEN s.lon IS NOT NULL THEN ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326) END AS location,
         coalesce(zc.id, zp.zone_id) AS zone_id,
         sla.id AS sla_policy_id,
         CASE WHEN coalesce(s.c_name, s.c_phone, s.c_email, s.c_national_id, s.c_language) IS NOT NULL
              THEN nextval((SELECT pg_get_serial_sequence('customers', 'id'))::regclass) END AS customer_id
  FROM numbered s
  LEFT JOIN zones zc ON zc.code = s.zone_code
  LEFT JOIN LATERAL /* zone_at_point */ zp ON true
  LEFT JOIN LATERAL /* sla_policy_of */ sla ON true
),
inserted AS (
  INSERT INTO requests (id, source, external_id, channel_code, category_code, topic_code, department_code, priority,
                        description, address, location, zone_id, created_at, sla_policy_id, customer_id,
                        status, stage, progress_pct, first_response_at, resolved_at, closed_at, cancelled_at, satisfaction)
  SELECT id, source, external_id, channel, category, topic, department, priority,
         description, address, location, zone_id, created_at, sla_policy_id, customer_id,
         status, stage, progress_pct, first_response_at, resolved_at, closed_at, cancelled_at, satisfaction
  FROM located ORDER BY line
  ON CONFLICT (source, external_id) DO NOTHING
  RETURNING id
),
new_customers AS (
  INSERT INTO customers (id, name, phone, email, national_id, language, home_zone_id)
  SELECT l.customer_id, l.c_name, l.c_phone, l.c_email, l.c_national_id, l.c_language, l.zone_id
  FROM inserted n JOIN located l ON l.id = n.id
  WHERE l.customer_id IS NOT NULL
),
events AS (
  INSERT INTO request_events (request_id, kind, from_status, to_status, stage, progress_pct, actor, occurred_at)
  SELECT l.id, e.kind, e.from_status, e.to_status, e.stage, e.progress_pct, l.source, e.occurred_at
  FROM inserted n JOIN located l ON l.id = n.id
  CROSS JOIN LATERAL unnest(l.ev_kind, l.ev_from, l.ev_to, l.ev_stage, l.ev_progress, l.ev_at)
       WITH ORDINALITY AS e(kind, from_status, to_status, stage, progress_pct, occurred_at, step)
  ORDER BY l.line, e.step
),
marks AS (
  INSERT INTO rollup_pending (request_id) SELECT id FROM inserted
)
SELECT (SELECT count(*) FROM import_staging)::int AS staged, (SELECT count(*) FROM inserted)::int AS inserted
