-- Dimension filters on requests r, spliced into static queries at their request_filters marker (see
-- backend/geo/request-filters.ts). NULL means all. Always $3..$10: zone ids, channels, categories, topics,
-- departments, advisor ids, statuses, priorities.
    ($3::int[]  IS NULL OR r.zone_id = ANY($3::int[]))
AND ($4::text[] IS NULL OR r.channel_code = ANY($4::text[]))
AND ($5::text[] IS NULL OR r.category_code = ANY($5::text[]))
AND ($6::text[] IS NULL OR r.topic_code = ANY($6::text[]))
AND ($7::text[] IS NULL OR r.department_code = ANY($7::text[]))
AND ($8::int[]  IS NULL OR r.advisor_id = ANY($8::int[]))
AND ($9::text[] IS NULL OR r.status = ANY($9::text[]))
AND ($10::text[] IS NULL OR r.priority = ANY($10::text[]))
