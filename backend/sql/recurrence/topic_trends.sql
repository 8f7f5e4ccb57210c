-- Topics ranked by volume in [:from, :to), with the previous equal period [:previous_from, :from) and the change in %.
-- the dimension filters ({request_filters}), :top_n how many topics. change_pct is NULL when the previous period had none.
WITH counts AS (
  SELECT r.topic_code,
         count(*) FILTER (WHERE r.created_at >= :from::timestamptz) AS current,
         count(*) FILTER (WHERE r.created_at < :from::timestamptz) AS previous
  FROM requests r
  WHERE r.created_at >= :previous_from::timestamptz AND r.created_at < :to::timestamptz AND r.topic_code IS NOT NULL
    AND ({request_filters})
  GROUP BY r.topic_code
)
SELECT c.topic_code, t.name_en AS topic_name_en, t.name_ar AS topic_name_ar,
       t.department_code, d.name_en AS department_name_en, d.name_ar AS department_name_ar,
       c.current::int AS count, c.previous::int AS previous_count,
       CASE WHEN c.previous > 0 THEN round((c.current - c.previous) * 100.0 / c.previous, 1) END AS change_pct
FROM counts c
JOIN topics t ON t.code = c.topic_code
JOIN departments d ON d.code = t.department_code
WHERE c.current > 0
ORDER BY c.current DESC, change_pct DESC NULLS LAST, c.topic_code
LIMIT :top_n::int
