-- Set-based stand-in for the foreign-key checks of a staged chunk: locks every row of the small
-- reference tables against deletion and key changes until COMMIT (FOR KEY SHARE, as a foreign-key
-- check does row by row), then counts the staged codes that have no row. Zones, SLA policies,
-- customers and requests are referenced by ids the INSERT itself takes from those tables.
WITH locked AS (
  SELECT (SELECT count(*) FROM (SELECT 1 FROM channels     FOR KEY SHARE) x)
       + (SELECT count(*) FROM (SELECT 1 FROM categories   FOR KEY SHARE) x)
       + (SELECT count(*) FROM (SELECT 1 FROM topics       FOR KEY SHARE) x)
       + (SELECT count(*) FROM (SELECT 1 FROM departments  FOR KEY SHARE) x)
       + (SELECT count(*) FROM (SELECT 1 FROM statuses     FOR KEY SHARE) x)
       + (SELECT count(*) FROM (SELECT 1 FROM stages       FOR KEY SHARE) x)
       + (SELECT count(*) FROM (SELECT 1 FROM sla_policies FOR KEY SHARE) x)
       + (SELECT count(*) FROM (SELECT 1 FROM zones        FOR KEY SHARE) x) AS n
),
journeys AS (SELECT DISTINCT ev_from, ev_to, ev_stage FROM import_staging),
used_statuses AS (
  SELECT DISTINCT status AS code FROM import_staging
  UNION SELECT unnest(ev_to) FROM journeys
  UNION SELECT unnest(ev_from) FROM journeys
),
used_stages AS (
  SELECT DISTINCT stage AS code FROM import_staging
  UNION SELECT unnest(ev_stage) FROM journeys
)
SELECT (SELECT n FROM locked) AS locked,
  (SELECT count(*) FROM (SELECT DISTINCT channel FROM import_staging) s WHERE NOT EXISTS (SELECT 1 FROM channels r WHERE r.code = s.channel))
+ (SELECT count(*) FROM (SELECT DISTINCT category FROM import_staging) s WHERE NOT EXISTS (SELECT 1 FROM categories r WHERE r.code = s.category))
+ (SELECT count(*) FROM (SELECT DISTINCT topic FROM import_staging WHERE topic IS NOT NULL) s WHERE NOT EXISTS (SELECT 1 FROM topics r WHERE r.code = s.topic))
+ (SELECT count(*) FROM (SELECT DISTINCT department FROM import_staging WHERE department IS NOT NULL) s WHERE NOT EXISTS (SELECT 1 FROM departments r WHERE r.code = s.department))
+ (SELECT count(*) FROM used_statuses s WHERE s.code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM statuses r WHERE r.code = s.code))
+ (SELECT count(*) FROM used_stages s WHERE NOT EXISTS (SELECT 1 FROM stages r WHERE r.code = s.code))
  AS missing
