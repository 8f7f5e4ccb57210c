// The body of POST /v1/query, validated; names of metrics and dimensions checked with the valid ones listed.
import { z } from 'zod';
import { readEpochMs, readInstant } from '../domain/instant.ts';
import { DIMENSIONS, type Dimension } from '../rollups/cubes.ts';
import { METRIC_NAMES, type Language, type MetricName } from './metrics.ts';
import { FORMATS } from '../catalog/metric-support.ts';
import { ALL_VALUES } from '../domain/all-values.ts';

// The shared strict reader (domain/instant.ts): Date.parse read "' OR '1'='1" as 2001-01-01.
const instant = z.union([z.number().finite(), z.string()]).transform((v, ctx) => {
  const r = typeof v === 'number' ? readEpochMs(v) : readInstant(v);
  if (r.error !== undefined) {
    ctx.addIssue({ code: 'custom', message: r.error });
    return z.NEVER;
  }
  return r.ms;
});

const dimension = z.string().refine((d) => (DIMENSIONS as readonly string[]).includes(d), {
  message: `unknown dimension; valid: ${DIMENSIONS.join(', ')}`,
});

export const targetSchema = z.object({
  refId: z.string().min(1).max(64).default('A'),
  metric: z.string().refine((m) => (METRIC_NAMES as string[]).includes(m), {
    message: `unknown metric; valid: ${METRIC_NAMES.join(', ')}`,
  }),
  groupBy: z.array(dimension).max(3, 'at most 3 dimensions').default([]),
  filters: z
    .record(dimension, z.union([z.array(z.union([z.string().max(200), z.null()])).max(1000), z.string().max(200)]))
    .default({}),
  format: z.enum(FORMATS).default('time_series'),
  language: z.enum(['en', 'ar']).default('en'),
  topN: z.number().int().min(1).max(100).default(10),
  hide: z.boolean().optional(),
});

export const queryBodySchema = z
  .object({
    from: instant,
    to: instant,
    intervalMs: z.number().positive().optional(),
    maxDataPoints: z.number().int().positive().optional(),
    targets: z.array(z.unknown()).min(1, 'at least one target').max(50, 'at most 50 targets'),
  })
  .refine((b) => b.from < b.to, { message: 'from must be before to', path: ['to'] });

export type Target = {
  refId: string;
  metric: MetricName;
  groupBy: Dimension[];
  /** undefined: all values; codes otherwise (null = no value, e.g. unzoned) */
  filters: Partial<Record<Dimension, Array<string | null>>>;
  format: 'time_series' | 'table';
  language: Language;
  topN: number;
};

/** Normalises a parsed target: filters as lists, "all" dropped, duplicates removed. */
export function normaliseTarget(raw: z.infer<typeof targetSchema>): Target {
  const filters: Target['filters'] = {};
  for (const [dim, value] of Object.entries(raw.filters)) {
    const list = Array.isArray(value)
      ? value
      : value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
    if (list.length === 0 || list.some((v) => v !== null && ALL_VALUES.has(v))) {
      continue;
    }
    filters[dim as Dimension] = [...new Set(list)];
  }
  return {
    refId: raw.refId,
    metric: raw.metric as MetricName,
    groupBy: [...new Set(raw.groupBy)] as Dimension[],
    filters,
    format: raw.format,
    language: raw.language,
    topN: raw.topN,
  };
}
