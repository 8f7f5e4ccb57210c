// The executive dashboard's query set (bench/query.ts, bench/scale.ts): each panel's POST /v1/query body and
// the plain SQL a Grafana PostgreSQL panel would run for the same figure, over the history ending at END.
export type Panel = { name: string; body: Record<string, unknown>; sql: string; params: unknown[] };

export function executivePanels(END: string, MONTHS: number): Panel[] {
  const end = Date.parse(END);
  const DAY = 86_400_000;
  const today = (() => {
    const d = new Date(end + 4 * 3_600_000);
    d.setUTCHours(0, 0, 0, 0);
    return d.getTime() - 4 * 3_600_000;
  })();
  const last30 = { from: new Date(end - 30 * DAY).toISOString(), to: new Date(end).toISOString() };
  const FINISHED = "CASE WHEN st.status_class = 'closed' THEN coalesce(r.resolved_at, r.closed_at) END";
  const FROM = 'FROM requests r JOIN statuses st ON st.code = r.status';
  const api = (
    from: number | string,
    to: number | string,
    target: Record<string, unknown>,
    extra: Record<string, unknown> = {}
  ) => ({ from, to, ...extra, targets: [{ refId: 'A', language: 'en', ...target }] });
  return [
    {
      name: "today's requests",
      body: api(new Date(today).toISOString(), END, { metric: 'received', format: 'table' }),
      sql: `SELECT count(*) FROM requests WHERE created_at >= $1 AND created_at < $2`,
      params: [new Date(today), new Date(end)],
    },
    {
      name: 'open backlog',
      body: api(last30.from, last30.to, { metric: 'backlog', format: 'table' }),
      sql:
        `SELECT count(*) ${FROM} WHERE r.created_at < $1 AND NOT coalesce(${FINISHED} < $1, false) AND ` +
        `NOT (st.status_class = 'cancelled' AND coalesce(r.cancelled_at, r.updated_at) < $1)`,
      params: [new Date(end)],
    },
    {
      name: 'on-time % (30 d)',
      body: api(last30.from, last30.to, { metric: 'on_time_pct', format: 'table' }),
      sql: `SELECT 100.0 * count(*) FILTER (WHERE ${FINISHED} <= r.resolution_due_at AND ${FINISHED} >= $1 AND ${FINISHED} < $2)
              / nullif(count(*) FILTER (WHERE (${FINISHED} <= r.resolution_due_at AND ${FINISHED} >= $1 AND ${FINISHED} < $2)
              OR (r.resolution_due_at >= $1 AND r.resolution_due_at < $2 AND
                (${FINISHED} > r.resolution_due_at OR (${FINISHED} IS NULL AND r.resolution_due_at <= r.sla_evaluated_at)))), 0)
            ${FROM} WHERE st.status_class <> 'cancelled'`,
      params: [new Date(last30.from), new Date(last30.to)],
    },
    {
      name: 'median first response (30 d)',
      body: api(last30.from, last30.to, { metric: 'first_response_median', format: 'table' }),
      sql:
        `SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - ` +
        `created_at)) FROM requests WHERE first_response_at >= $1 AND first_response_at < $2`,
      params: [new Date(last30.from), new Date(last30.to)],
    },
    {
      name: 'mean progress % (30 d)',
      body: api(last30.from, last30.to, { metric: 'progress_mean', format: 'table' }),
      sql: `SELECT avg(r.progress_pct) ${FROM} WHERE r.created_at >= $1 AND r.created_at < $2 AND st.status_class <> 'cancelled'`,
      params: [new Date(last30.from), new Date(last30.to)],
    },
    {
      name: 'zone map: requests by zone (30 d)',
      body: api(last30.from, last30.to, { metric: 'received', format: 'table', groupBy: ['zone'] }),
      sql: `SELECT zone_id, count(*) FROM requests WHERE created_at >= $1 AND created_at < $2 GROUP BY zone_id`,
      params: [new Date(last30.from), new Date(last30.to)],
    },
    {
      name: 'channels per day (30 d)',
      body: api(
        last30.from,
        last30.to,
        { metric: 'received', format: 'time_series', groupBy: ['channel'] },
        { intervalMs: DAY, maxDataPoints: 400 }
      ),
      sql:
        `SELECT date_trunc('day', created_at, (SELECT time_zone FROM city_settings)) AS t, ` +
        `channel_code, count(*) FROM requests WHERE created_at >= $1 AND created_at < $2 GROUP BY 1, 2`,
      params: [new Date(last30.from), new Date(last30.to)],
    },
    {
      name: 'category split (30 d)',
      body: api(last30.from, last30.to, { metric: 'received', format: 'table', groupBy: ['category'] }),
      sql: `SELECT category_code, count(*) FROM requests WHERE created_at >= $1 AND created_at < $2 GROUP BY 1`,
      params: [new Date(last30.from), new Date(last30.to)],
    },
    {
      name: 'top recurring topics (30 d vs previous)',
      body: api(last30.from, last30.to, { metric: 'recurring_topics', format: 'table', topN: 10 }),
      sql:
        `SELECT topic_code, count(*) FILTER (WHERE created_at >= $2) AS now, count(*) FILTER (WHERE ` +
        `created_at < $2) AS before FROM requests WHERE created_at >= $1 AND created_at < $3 GROUP BY 1 ORDER BY 2 DESC LIMIT 10`,
      params: [new Date(end - 60 * DAY), new Date(last30.from), new Date(end)],
    },
    {
      name: 'requests by month by channel (3 y trend)',
      body: api(
        new Date(end - MONTHS * 30 * DAY).toISOString(),
        END,
        { metric: 'received', format: 'time_series', groupBy: ['channel'] },
        { intervalMs: 7 * DAY, maxDataPoints: 200 }
      ),
      sql:
        `SELECT date_trunc('week', created_at, (SELECT time_zone FROM city_settings)) AS t, ` +
        `channel_code, count(*) FROM requests WHERE created_at >= $1 AND created_at < $2 GROUP BY 1, 2`,
      params: [new Date(end - MONTHS * 30 * DAY), new Date(end)],
    },
  ];
}
