-- Dimension filters on requests r, the {request_filters} slot of the statements that use it (see
-- backend/geo/request-filters.ts). NULL means all. Named parameters (filterParams): :zone_ids, :channels,
-- :categories, :topics, :departments, :advisor_ids, :statuses, :priorities.
    (:zone_ids::int[]  IS NULL OR r.zone_id = ANY(:zone_ids::int[]))
AND (:channels::text[] IS NULL OR r.channel_code = ANY(:channels::text[]))
AND (:categories::text[] IS NULL OR r.category_code = ANY(:categories::text[]))
AND (:topics::text[] IS NULL OR r.topic_code = ANY(:topics::text[]))
AND (:departments::text[] IS NULL OR r.department_code = ANY(:departments::text[]))
AND (:advisor_ids::int[]  IS NULL OR r.advisor_id = ANY(:advisor_ids::int[]))
AND (:statuses::text[] IS NULL OR r.status = ANY(:statuses::text[]))
AND (:priorities::text[] IS NULL OR r.priority = ANY(:priorities::text[]))
