// SLA warnings: requests that reached their SLA warning threshold, counted per group and bucket from the
// alerts themselves (sql-builder.ts: buildWarningsQuery), not from the rollups.
import { DIMENSION_COLUMN } from '../../rollups/cubes.ts';
import {
  bucketKey,
  checkRows,
  oneValuePerRow,
  rowLimit,
  yieldToLoop,
  YIELD_EVERY,
  type AggregateSpec,
  type Stored,
} from '../aggregate.ts';
import type { Series } from '../frames.ts';
import { buildWarningsQuery } from '../sql-builder.ts';
import { framesOfSeries, type MetricKind } from './kind.ts';
import { SERIES_SUPPORT } from '../../catalog/metric-support.ts';
import { lookup } from '../../domain/lookup.ts';

export const warningsKind: MetricKind<'warnings', AggregateSpec, Map<string, Series>> = {
  id: 'warnings',
  description: 'SLA warnings per group and bucket',
  support: () => SERIES_SUPPORT,
  // Every row read is a value of the answer.
  plan: (ctx) => oneValuePerRow(ctx.spec, ctx.config.queryMaxTargetPoints),
  compute: async (db, spec) => {
    const q = buildWarningsQuery({ ...spec, rowLimit: rowLimit(spec) });
    const { rows } = await db.query(q.text, q.values);
    checkRows(rows, spec);
    const groups = new Map<string, Series>();
    let i = 0;
    for (const row of rows) {
      if (++i % YIELD_EVERY === 0) {
        await yieldToLoop();
      }
      const dims = spec.groupBy.map((d) => row[DIMENSION_COLUMN[d]] as Stored);
      const key = JSON.stringify(dims);
      if (!groups.has(key)) {
        groups.set(key, { dims, values: new Map() });
      }
      lookup(groups, key, 'groups').values.set(bucketKey(row.bucket), row.n);
    }
    return groups;
  },
  size: (groups) => Math.max(groups.size, 1),
  frame: (groups, ctx) => framesOfSeries(ctx, [...groups.values()], 0),
};
