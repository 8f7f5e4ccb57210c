// The reference answers for the query API: plain SQL over the raw requests, written from the metric
// definitions in docs/api.md, independent of the rollups. Tests compare the API to these.
import type pg from 'pg';

export type Dim = 'zone' | 'channel' | 'category' | 'topic' | 'department' | 'advisor' | 'status_class' | 'priority';
const COL: Record<Dim, string> = {
  zone: 'r.zone_id',
  channel: 'r.channel_code',
  category: 'r.category_code',
  topic: 'r.topic_code',
  department: 'r.department_code',
  advisor: 'r.advisor_id',
  status_class: 'st.status_class',
  priority: 'r.priority',
};
const FINISHED = "CASE WHEN st.status_class = 'closed' THEN coalesce(r.resolved_at, r.closed_at) END";
const CANCELLED = "CASE WHEN st.status_class = 'cancelled' THEN coalesce(r.cancelled_at, r.updated_at) END";

/** Per metric: the value expression, and the instant that places a request in a window (null = special). */
const DEFINITIONS: Record<string, { value: string; at: string | null; where?: string }> = {
  received: { value: 'count(*)', at: 'r.created_at' },
  closed: { value: 'count(*)', at: FINISHED },
  progress_mean: { value: 'avg(r.progress_pct)', at: 'r.created_at', where: "st.status_class <> 'cancelled'" },
  satisfaction_mean: { value: 'avg(r.satisfaction)', at: FINISHED, where: 'r.satisfaction IS NOT NULL' },
  first_response_median: {
    value: 'percentile_disc(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.first_response_at - r.created_at))',
    at: 'r.first_response_at',
  },
  first_response_p90: {
    value: 'percentile_disc(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM r.first_response_at - r.created_at))',
    at: 'r.first_response_at',
  },
  resolution_median: {
    value: `percentile_disc(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${FINISHED} - r.created_at))`,
    at: FINISHED,
  },
  resolution_p90: {
    value: `percentile_disc(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM ${FINISHED} - r.created_at))`,
    at: FINISHED,
  },
};

export type Window = { from: number; to: number };
export type BruteRow = { dims: Array<string | number | null>; value: number | null };

function filterSql(filters: Partial<Record<Dim, Array<string | number | null>>>, values: unknown[]): string {
  let out = '';
  for (const [dim, list] of Object.entries(filters) as Array<[Dim, Array<string | number | null>]>) {
    const nonNull = list.filter((v) => v !== null);
    values.push(nonNull.map(String));
    out += ` AND (${COL[dim]}::text = ANY($${values.length}::text[])${nonNull.length !== list.length ? ` OR ${COL[dim]} IS NULL` : ''})`;
  }
  return out;
}

/** The metric over one window, grouped by `groupBy`. Zones and advisors are compared by id. */
export async function bruteForce(
  db: pg.Pool,
  metric: string,
  groupBy: Dim[],
  filters: Partial<Record<Dim, Array<string | number | null>>>,
  w: Window
): Promise<BruteRow[]> {
  const values: unknown[] = [new Date(w.from).toISOString(), new Date(w.to).toISOString()];
  const dims = groupBy.map((d) => COL[d]);
  const select = dims.map((d, i) => `${d} AS d${i}, `).join('');
  const group = dims.length ? `GROUP BY ${dims.join(', ')}` : '';
  const f = filterSql(filters, values);
  const from = 'FROM requests r JOIN statuses st ON st.code = r.status';
  let text: string;
  const inWindow = (expr: string) => `${expr} >= $1 AND ${expr} < $2`;
  if (DEFINITIONS[metric]) {
    const d = DEFINITIONS[metric];
    text = `SELECT ${select}${d.value}::float8 AS value ${from} WHERE ${inWindow(d.at!)}${d.where ? ` AND ${d.where}` : ''}${f} ${group}`;
  } else if (metric === 'backlog') {
    text = `SELECT ${select}count(*)::float8 AS value ${from} WHERE $1::timestamptz IS NOT NULL AND r.created_at < $2
      AND NOT coalesce(${FINISHED} < $2, false) AND NOT coalesce(${CANCELLED} < $2, false)${f} ${group}`;
  } else if (metric === 'on_time_pct' || metric === 'first_response_on_time_pct' || metric === 'sla_breaches') {
    const met = (done: string, due: string) =>
      `coalesce(${due} IS NOT NULL AND ${done} IS NOT NULL AND ${done} <= ${due} AND ${inWindow(done)}, false)::int`;
    const late = (done: string, due: string) =>
      `coalesce(${due} IS NOT NULL AND ${inWindow(due)} AND (${done} > ${due} OR (${done} IS NULL AND ${due} <= r.sla_evaluated_at)), false)::int`;
    const res = [FINISHED, 'r.resolution_due_at'] as const;
    const fr = ['r.first_response_at', 'r.first_response_due_at'] as const;
    let value: string;
    if (metric === 'sla_breaches') {
      value = `coalesce(sum(${late(...res)} + ${late(...fr)}), 0)`;
    } // a count: 0 over no rows (sum gives NULL)
    else {
      const x: readonly [string, string] = metric === 'on_time_pct' ? res : fr;
      value = `CASE WHEN sum(${met(...x)} + ${late(...x)}) > 0 THEN 100.0 * sum(${met(...x)}) / sum(${met(...x)} + ${late(...x)}) END`;
    }
    text = `SELECT ${select}${value}::float8 AS value ${from} WHERE st.status_class <> 'cancelled'${f} ${group}`;
  } else if (metric === 'received_per_10k') {
    throw new Error('use bruteForcePer10k');
  } else {
    throw new Error(`no reference for ${metric}`);
  }
  const { rows } = await db.query(text, values);
  return rows.map((row) => ({
    dims: groupBy.map((_, i) => row[`d${i}`] ?? null),
    value: row.value === null ? null : Number(row.value),
  }));
}
