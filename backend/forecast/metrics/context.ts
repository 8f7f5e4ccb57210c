// What a proactive metric gets from the query planning (backend/query/metric-kinds/proactive.ts).
import type pg from 'pg';
import type { Config } from '../../config.ts';
import type { ReferenceIndex } from '../../domain/reference.ts';
import type { Filters } from '../../query/sql-builder.ts';
import type { AggregateSpec } from '../../query/aggregate.ts';
import type { QueryRange } from '../../query/metric-kinds/kind.ts';
import type { Target } from '../../query/request-schema.ts';
import type { Frame } from '../../query/frames.ts';
import type { Language } from '../../query/metrics.ts';

export type ProactiveContext = {
  db: pg.Pool | pg.PoolClient;
  ref: ReferenceIndex;
  config: Config;
  range: QueryRange;
  target: Target;
  filters: Filters;
  spec: AggregateSpec;
  path: string;
  /** checks series (or table rows) × values of each against the query limits before frames are built */
  check: (series: number, values: number) => void;
};

/** A frame notice in Grafana's convention (meta.notices), in the target's language. */
export type Notice = { severity: 'info' | 'warning'; text: string };
export const notice = (lang: Language, severity: Notice['severity'], en: string, ar: string): Notice => ({
  severity,
  text: lang === 'ar' ? ar : en,
});

// The bilingual table builders every metric kind uses (backend/query/frames.ts).
export { column, frameName } from '../../query/frames.ts';
export type { Frame };
