-- SLA warnings (sla_alerts kind 'warning', either target) in [:from, :to), by output bucket and dimensions.
-- :rows_to_read: one more row than a target may read (S360_QUERY_MAX_ROWS), so a query too large is refused
-- without its rows ever reaching the aggregator's memory. Slots and other parameters as in sums.sql
-- (backend/query/sql-builder.ts): {dims}, {s_filters}, {bucket}, {group_by}.
SELECT {bucket} AS bucket, {dims} count(*)::int AS n
FROM sla_alerts a
JOIN rollup_input_current s ON s.request_id = a.request_id
WHERE a.kind = 'warning' AND a.at >= :from AND a.at < :to {s_filters}
GROUP BY 1 {group_by}
LIMIT :rows_to_read::bigint
