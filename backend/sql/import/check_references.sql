-- Set-based stand-in for the foreign-key checks of a chunk: locks every row of the small reference
-- tables against deletion and key changes until COMMIT (FOR KEY SHARE, as a foreign-key check does row
-- by row), then counts the codes and ids the chunk uses that have no row.
-- $1 channels, $2 categories, $3 topics, $4 departments, $5 statuses, $6 stages (text[]), $7 zone ids,
-- $8 SLA policy ids (int[]). Customers and requests are referenced by ids the chunk itself writes.
WITH locked AS (
  SELECT (SELECT count(*) FROM (SELECT 1 FROM channels     FOR KEY SHARE) x)
       + (SELECT count(*) FROM (SELECT 1 FROM categories   FOR KEY SHARE) x)
       + (SELECT count(*) FROM (SELECT 1 FROM topics       FOR KEY SHARE) x)
       + (SELECT count(*) FROM (SELECT 1 FROM departments  FOR KEY SHARE) x)
       + (SELECT count(*) FROM (SELECT 1 FROM statuses     FOR KEY SHARE) x)
       + (SELECT count(*) FROM (SELECT 1 FROM stages       FOR KEY SHARE) x)
       + (SELECT count(*) FROM (SELECT 1 FROM sla_policies FOR KEY SHARE) x)
       + (SELECT count(*) FROM (SELECT 1 FROM zones        FOR KEY SHARE) x) AS n
)
SELECT (SELECT n FROM locked) AS locked,
  (SELECT count(*) FROM unnest($1::text[]) c WHERE NOT EXISTS (SELECT 1 FROM channels r WHERE r.code = c))
+ (SELECT count(*) FROM unnest($2::text[]) c WHERE NOT EXISTS (SELECT 1 FROM categories r WHERE r.code = c))
+ (SELECT count(*) FROM unnest($3::text[]) c WHERE NOT EXISTS (SELECT 1 FROM topics r WHERE r.code = c))
+ (SELECT count(*) FROM unnest($4::text[]) c WHERE NOT EXISTS (SELECT 1 FROM departments r WHERE r.code = c))
+ (SELECT count(*) FROM unnest($5::text[]) c WHERE NOT EXISTS (SELECT 1 FROM statuses r WHERE r.code = c))
+ (SELECT count(*) FROM unnest($6::text[]) c WHERE NOT EXISTS (SELECT 1 FROM stages r WHERE r.code = c))
+ (SELECT count(*) FROM unnest($7::int[]) c WHERE NOT EXISTS (SELECT 1 FROM zones r WHERE r.id = c))
+ (SELECT count(*) FROM unnest($8::int[]) c WHERE NOT EXISTS (SELECT 1 FROM sla_policies r WHERE r.id = c))
  AS missing
