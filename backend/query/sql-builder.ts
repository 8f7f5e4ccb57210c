// Fills the markers of sql/query/{sums,hist}.sql with whitelisted columns and binds every value.
import { sql } from '../db/sql.ts';
import { DIMENSION_COLUMN, type Dimension } from '../rollups/cubes.ts';
import { REPORTING_TIME_ZONE } from './time.ts';
import type { BucketSpec, Segment } from './plan.ts';

export type Filters = Partial<Record<Dimension, (string | number | null)[]>>;
export type BuiltQuery = { text: string; values: unknown[] };

const INT_DIMENSIONS: ReadonlySet<Dimension> = new Set(['zone', 'advisor']);

const ts = (t: number) => (t === -Infinity ? '-infinity' : t === Infinity ? 'infinity' : new Date(t).toISOString());

export function buildAggregateQuery(kind: 'sums' | 'hist', p: {
  segments: Segment[]; cube: number | null; from: number; to: number; groupBy: Dimension[];
  filters: Filters; bucket: BucketSpec | null; histKind?: 'fr' | 'rs';
}): BuiltQuery {
  const values: unknown[] = [
    p.segments.map((s) => s.level), p.segments.map((s) => ts(s.lo)), p.segments.map((s) => ts(s.hi)),
    p.cube ?? -1, ts(p.from), ts(p.to),
  ];
  if (kind === 'hist') values.push(p.histKind);
  const rFilters: string[] = [];
  const sFilters: string[] = [];
  for (const [dim, list] of Object.entries(p.filters) as [Dimension, (string | number | null)[]][]) {
    if (!list) continue;
    const col = DIMENSION_COLUMN[dim];
    const nonNull = list.filter((v) => v !== null);
    const wantsNull = list.length !== nonNull.length;
    values.push(nonNull);
    const n = values.length;
    const cast = INT_DIMENSIONS.has(dim) ? 'int[]' : 'text[]';
    const cond = (alias: string) => `(${alias}.${col} = ANY($${n}::${cast})${wantsNull ? ` OR ${alias}.${col} IS NULL` : ''})`;
    rFilters.push(` AND ${cond('r')}`);
    sFilters.push(` AND ${cond('s')}`);
  }
  const cols = p.groupBy.map((d) => DIMENSION_COLUMN[d]);
  const list = (alias: string) => cols.map((c) => `${alias}${c}, `).join('');
  let bucketExpr = 'NULL::timestamptz';
  if (p.bucket?.kind === 'fixed') {
    values.push(p.bucket.ms);
    bucketExpr = `to_timestamp(floor(extract(epoch FROM t) * 1000 / $${values.length}::float8) * $${values.length}::float8 / 1000)`;
  } else if (p.bucket?.kind === 'calendar') {
    bucketExpr = `date_trunc('${p.bucket.unit}', t, '${REPORTING_TIME_ZONE}')`;
  }
  const text = sql(`query/${kind}`)
    .replaceAll('/*R_DIMS*/', list('r.'))
    .replaceAll('/*S_DIMS*/', list('s.'))
    .replaceAll('/*DIMS*/', list(''))
    .replaceAll('/*R_FILTERS*/', rFilters.join(''))
    .replaceAll('/*S_FILTERS*/', sFilters.join(''))
    .replaceAll('/*BUCKET*/', bucketExpr)
    .replaceAll('/*GROUP_BY*/', cols.map((c) => `, ${c}`).join(''));
  return { text, values };
}
