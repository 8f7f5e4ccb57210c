-- One request ($1 id) with its zone and advisor (codes and names), location as lon/lat.
SELECT r.id, r.reference, r.source, r.external_id,
       r.channel_code, r.category_code, r.topic_code, r.department_code, r.priority,
       z.code AS zone_code, z.name_en AS zone_name_en, z.name_ar AS zone_name_ar, z.kind AS zone_kind,
       ST_X(r.location) AS lon, ST_Y(r.location) AS lat, r.address, r.description, r.customer_id,
       r.status, r.stage, r.progress_pct,
       a.code AS advisor_code, a.name AS advisor_name,
       r.created_at, r.ingested_at, r.updated_at, r.first_response_at, r.resolved_at, r.closed_at, r.cancelled_at,
       r.satisfaction, r.sla_policy_id, r.first_response_due_at, r.resolution_due_at, r.sla_state, r.sla_evaluated_at,
       r.resolution_due_source, r.first_response_clock, r.sla_recorded_at
FROM requests r
LEFT JOIN zones z ON z.id = r.zone_id
LEFT JOIN advisors a ON a.id = r.advisor_id
WHERE r.id = $1
