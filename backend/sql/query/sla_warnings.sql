-- SLA warnings (sla_alerts kind 'warning', either target) in [$1, $2), by output bucket and dimensions.
-- LIMIT marker: `LIMIT $n` bound to one more row than a target may read (S360_QUERY_MAX_ROWS), so a query
-- too large is refused without its rows ever reaching the aggregator's memory.
-- /*…*/ markers: whitelisted columns only (backend/query/sql-builder.ts); $3.. filters.
SELECT /*BUCKET*/ AS bucket, /*DIMS*/ count(*)::int AS n
FROM sla_alerts a
JOIN rollup_input_current s ON s.request_id = a.request_id
WHERE a.kind = 'warning' AND a.at >= $1 AND a.at < $2 /*S_FILTERS*/
GROUP BY 1 /*GROUP_BY*/
/*LIMIT*/
