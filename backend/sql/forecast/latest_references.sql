-- The latest request's reference per zone × topic pair ($1 zone ids, $2 topic codes, pairwise), for the links to
-- the Request journey dashboard.
SELECT p.zone_id, p.topic, (SELECT r.reference FROM requests r WHERE r.zone_id = p.zone_id AND r.topic_code = p.topic
                            ORDER BY r.created_at DESC LIMIT 1) AS reference
FROM unnest($1::int[], $2::text[]) AS p(zone_id, topic)
