// forecast_accuracy (table): per level, the model's MASE against seasonal-naive and its interval coverage, from
// the last evaluation (nightly holdout or `forecast backtest`), and the method the level uses. Grouped by a
// level's dimensions (e.g. department): each series' own holdout accuracy and method.
import { sql } from '../../db/sql.ts';
import { DIMENSION_NAMES, codeOf, nameOf } from '../../query/labels.ts';
import { METRICS } from '../../query/metrics.ts';
import type { Frame } from '../../query/frames.ts';
import { column, frameName, type ProactiveContext } from './context.ts';
import { levelName, methodName } from './labels.ts';
import type { LevelRow } from './level-notice.ts';
import { levelOf } from './level-of.ts';

const pct = (x: number | null) => (x === null ? null : 100 * x);

export async function forecastAccuracy(ctx: ProactiveContext): Promise<Frame[]> {
  const { db, ref, target, filters } = ctx;
  const lang = target.language;
  const name = frameName(lang, METRICS.forecast_accuracy);
  const measures = (rows: Array<{ mase: number | null; coverage_80: number | null; coverage_95: number | null }>) => [
    column(
      lang,
      'mase',
      'number',
      rows.map((r) => r.mase),
      'MASE against seasonal-naive',
      'MASE مقارنة بالتوقع الموسمي البسيط',
      { decimals: 3 }
    ),
    column(
      lang,
      'coverage_80',
      'number',
      rows.map((r) => pct(r.coverage_80)),
      'Coverage of the 80 % interval',
      'تغطية فترة 80 %',
      { unit: 'percent', decimals: 1 }
    ),
    column(
      lang,
      'coverage_95',
      'number',
      rows.map((r) => pct(r.coverage_95)),
      'Coverage of the 95 % interval',
      'تغطية فترة 95 %',
      { unit: 'percent', decimals: 1 }
    ),
  ];
  if (!target.groupBy.length && !Object.keys(filters).length) {
    const { rows } = await db.query<LevelRow & { evaluated_at: Date }>(sql('forecast/level_accuracy'), [null]);
    ctx.check(Math.max(rows.length, 1), 1);
    return [
      {
        name,
        refId: target.refId,
        fields: [
          column(
            lang,
            'level',
            'string',
            rows.map((r) => levelName(r.level, lang)),
            'Level',
            'المستوى'
          ),
          column(
            lang,
            'level_code',
            'string',
            rows.map((r) => r.level),
            'Level (code)',
            'المستوى (رمز)'
          ),
          column(
            lang,
            'series',
            'number',
            rows.map((r) => r.series),
            'Series',
            'السلاسل'
          ),
          ...measures(rows),
          column(
            lang,
            'method',
            'string',
            rows.map((r) => methodName(r.use_model ? 'mstl_ets' : 'seasonal_naive', lang)),
            'Method used',
            'الطريقة المستخدمة'
          ),
          column(
            lang,
            'weeks',
            'number',
            rows.map((r) => r.weeks),
            'Weeks evaluated',
            'الأسابيع المقيَّمة'
          ),
          column(
            lang,
            'evaluated_at',
            'time',
            rows.map((r) => r.evaluated_at.getTime()),
            'Evaluated',
            'تاريخ التقييم'
          ),
        ],
      },
    ];
  }
  const level = levelOf(target, ctx.path);
  const zones = filters.zone ? (filters.zone.filter((z) => z !== null) as number[]) : null;
  const codeDim =
    target.groupBy.find((d) => d !== 'zone') ??
    (Object.keys(filters) as Array<keyof typeof filters>).find((d) => d !== 'zone');
  const codes = codeDim ? ((filters[codeDim]?.filter((c) => c !== null) as string[] | undefined) ?? null) : null;
  const { rows } = await db.query<{
    zone_id: number | null;
    code: string | null;
    method: string;
    mase: number | null;
    coverage_80: number | null;
    coverage_95: number | null;
  }>(sql('forecast/series_accuracy'), [level, zones, codes]);
  const shown = rows.slice(0, ctx.config.queryMaxSeries);
  ctx.check(Math.max(shown.length, 1), 1);
  const stored = (d: string, r: (typeof rows)[number]) => (d === 'zone' ? r.zone_id : r.code);
  const fields = target.groupBy.flatMap((d) => [
    column(
      lang,
      d,
      'string',
      shown.map((r) => nameOf(d, codeOf(d, stored(d, r), ref), ref, lang)),
      DIMENSION_NAMES[d].en,
      DIMENSION_NAMES[d].ar
    ),
    column(
      lang,
      `${d}_code`,
      'string',
      shown.map((r) => codeOf(d, stored(d, r), ref)),
      `${DIMENSION_NAMES[d].en} (code)`,
      `${DIMENSION_NAMES[d].ar} (رمز)`
    ),
  ]);
  return [
    {
      name,
      refId: target.refId,
      fields: [
        ...fields,
        ...measures(shown),
        column(
          lang,
          'method',
          'string',
          shown.map((r) => methodName(r.method, lang)),
          'Method used',
          'الطريقة المستخدمة'
        ),
      ],
    },
  ];
}
