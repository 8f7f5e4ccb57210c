-- Writes a batch of new requests (one row per array element) in one statement, so in one transaction:
-- zone by point-in-polygon (smallest containing zone; none = unzoned), the SLA policy, the customer,
-- the request, its first journey event and its rollup mark. (source, external_id) already present:
-- nothing is written and the original is returned (created = false). The input (one bound array per
-- column: source, external_id, …, due_at, first_response_clock, then ord) fills the insert_input slot from
-- the list in backend/ingest/insert-input.ts; due_at is the source system's resolution due time (NULL: the
-- policy's; migration 0040), first_response_clock whether the request has a first-response clock.
WITH input AS (
  SELECT * FROM {insert_input}
),
located AS (
  SELECT s.*,
         CASE WHEN s.lon IS NOT NULL THEN ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326) END AS location,
         coalesce(zc.id, zp.zone_id) AS zone_id,
         sla.id AS sla_policy_id,
         (coalesce(s.c_name, s.c_phone, s.c_email, s.c_national_id, s.c_language) IS NOT NULL) AS has_customer
  FROM input s
  LEFT JOIN zones zc ON zc.code = s.zone_code
  LEFT JOIN LATERAL ({zone_at_point}) zp ON true
  LEFT JOIN LATERAL ({sla_policy_of}) sla ON true
),
inserted AS (
  INSERT INTO requests (source, external_id, channel_code, category_code, topic_code, department_code, priority,
                        description, address, location, zone_id, created_at, sla_policy_id, media_url,
                        resolution_due_at, resolution_due_source, first_response_clock, customer_id)
  SELECT source, external_id, channel, category, topic, department, priority,
         description, address, location, zone_id, created_at, sla_policy_id, media_url,
         due_at, CASE WHEN due_at IS NOT NULL THEN 'source' ELSE 'policy' END, first_response_clock,
         CASE WHEN has_customer THEN nextval(pg_get_serial_sequence('customers', 'id')) END
  FROM located ORDER BY ord
  ON CONFLICT (source, external_id) DO NOTHING
  RETURNING id, reference, source, external_id, zone_id, customer_id, created_at
),
new_customers AS (
  INSERT INTO customers (id, name, phone, email, national_id, language, home_zone_id)
  SELECT n.customer_id, l.c_name, l.c_phone, l.c_email, l.c_national_id, l.c_language, l.zone_id
  FROM inserted n JOIN located l USING (source, external_id)
  WHERE n.customer_id IS NOT NULL
),
first_events AS (
  INSERT INTO request_events (request_id, kind, from_status, to_status, stage, progress_pct, actor, occurred_at)
  SELECT n.id, 'received', NULL, 'received', 'received', 0, l.source, n.created_at
  FROM inserted n JOIN located l USING (source, external_id)
),
marks AS (
  INSERT INTO rollup_pending (request_id) SELECT id FROM inserted
)
SELECT l.ord::int AS ord,
       coalesce(n.id, r.id) AS id,
       coalesce(n.reference, r.reference) AS reference,
       coalesce(zn.code, zr.code) AS zone_code,
       coalesce(zn.name_en, zr.name_en) AS zone_name_en,
       coalesce(zn.name_ar, zr.name_ar) AS zone_name_ar,
       (n.id IS NOT NULL) AS created
FROM located l
LEFT JOIN inserted n USING (source, external_id)
LEFT JOIN requests r ON n.id IS NULL AND r.source = l.source AND r.external_id = l.external_id
LEFT JOIN zones zn ON zn.id = n.zone_id
LEFT JOIN zones zr ON zr.id = r.zone_id
ORDER BY l.ord
