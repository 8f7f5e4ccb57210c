-- Hot spots: same-topic reports close in space within [:from, :to). DBSCAN per topic in the metric SRID :srid
-- (UTM 40N for Dubai: metres), eps :eps_m metres, at least :min_points reports. Cancelled reports and reports
-- without topic or location are left out. the dimension filters on the reports: {request_filters}.
WITH pts AS (
  SELECT r.id, r.topic_code, r.zone_id, r.created_at, ST_Transform(r.location, :srid::int) AS g
  FROM requests r
  WHERE r.created_at >= :from::timestamptz AND r.created_at < :to::timestamptz
    AND r.topic_code IS NOT NULL AND r.location IS NOT NULL AND r.status <> 'cancelled'
    AND ({request_filters})
),
labelled AS (
  SELECT p.*, ST_ClusterDBSCAN(p.g, :eps_m::float8, :min_points::int) OVER (PARTITION BY p.topic_code) AS cluster
  FROM pts p
),
clusters AS (
  SELECT topic_code, count(*)::int AS count, min(created_at) AS first_at, max(created_at) AS last_at,
         mode() WITHIN GROUP (ORDER BY zone_id) AS zone_id,
         ST_Collect(g) AS members, array_agg(id ORDER BY created_at, id) AS request_ids
  FROM labelled
  WHERE cluster IS NOT NULL
  GROUP BY topic_code, cluster
)
SELECT topic_code, zone_id, count, first_at, last_at,
       ST_Transform(ST_Centroid(members), 4326) AS centroid,
       ST_Transform(ST_ConvexHull(members), 4326) AS hull,
       ST_MaxDistance(ST_Centroid(members), members) AS radius_m,
       request_ids
FROM clusters
