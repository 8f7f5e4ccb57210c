-- Time-series shaped views for Grafana alert rules (through Grafana's PostgreSQL datasource), and a
-- read-only role that can select these views and nothing else. The views run with their owner's rights,
-- so the role needs no access to the tables underneath. Cube ids are GROUPING() masks (backend/rollups/cubes.ts):
-- 247 = by department, 127 = by zone.
CREATE SCHEMA alerting;

-- On-time % (resolution and first response) per department per hour, last 35 days, from the hourly rollups.
CREATE VIEW alerting.sla_by_department AS
SELECT r.bucket AS "time", r.department, d.name_en AS department_name,
       sum(r.res_met)::int AS met, sum(r.res_breached)::int AS breached,
       CASE WHEN sum(r.res_met + r.res_breached) > 0 THEN round(100.0 * sum(r.res_met) / sum(r.res_met + r.res_breached), 2) END AS on_time_pct,
       sum(r.fr_met)::int AS first_response_met, sum(r.fr_breached)::int AS first_response_breached
FROM rollups r LEFT JOIN departments d ON d.code = r.department
WHERE r.level = 'hour' AND r.cube = 247 AND r.bucket > now() - interval '35 days'
GROUP BY r.bucket, r.department, d.name_en;

-- The open backlog now, per department and priority.
CREATE VIEW alerting.backlog AS
SELECT now() AS "time", coalesce(r.department_code, 'none') AS department, r.priority, count(*)::int AS open_requests,
       count(*) FILTER (WHERE r.sla_state = 'breached')::int AS open_breached
FROM requests r
WHERE r.status NOT IN ('closed', 'cancelled')
GROUP BY r.department_code, r.priority;

-- Requests per zone in the last 24 hours against the zone's daily mean over the 4 weeks before.
CREATE VIEW alerting.zone_spikes AS
WITH hourly AS (
  SELECT r.zone_id, r.bucket, r.received FROM rollups r
  WHERE r.level = 'hour' AND r.cube = 127 AND r.bucket > now() - interval '29 days' AND r.zone_id IS NOT NULL
),
per_zone AS (
  SELECT zone_id,
         sum(received) FILTER (WHERE bucket > now() - interval '24 hours')::int AS last_24h,
         (sum(received) FILTER (WHERE bucket <= now() - interval '24 hours') / 28.0) AS baseline_daily
  FROM hourly GROUP BY zone_id
)
SELECT now() AS "time", z.code AS zone_code, z.name_en AS zone_name, coalesce(p.last_24h, 0) AS last_24h,
       round(coalesce(p.baseline_daily, 0), 2) AS baseline_daily,
       CASE WHEN coalesce(p.baseline_daily, 0) > 0 THEN round(coalesce(p.last_24h, 0) / p.baseline_daily, 2) END AS ratio
FROM zones z LEFT JOIN per_zone p ON p.zone_id = z.id;

-- Minutes since the last request was ingested (any channel).
CREATE VIEW alerting.ingest_silence AS
SELECT now() AS "time",
       round((extract(epoch FROM now() - (SELECT ingested_at FROM requests ORDER BY id DESC LIMIT 1)) / 60.0)::numeric, 2) AS minutes_since_last_request;

-- The read-only role (cluster-wide; created once). A login for Grafana is made with
-- `services360 grant-alerting-login --user NAME` (password from the environment).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'services360_alerting') THEN
    CREATE ROLE services360_alerting NOLOGIN;
  END IF;
END $$;
GRANT USAGE ON SCHEMA alerting TO services360_alerting;
GRANT SELECT ON ALL TABLES IN SCHEMA alerting TO services360_alerting;
REVOKE ALL ON SCHEMA public FROM services360_alerting;
