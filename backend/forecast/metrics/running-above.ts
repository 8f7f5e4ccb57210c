// running_above_forecast (table): zones, or zone × topic series (grouped by zone and topic), whose requests so
// far today are above the upper bound of today's forecast scaled to this time of day, with how far above. The
// scaling (forecast_running(), migration 0043): s = the share of a day's requests received by this local time over
// the last 4 weeks; upper so far = s·upper_95 + 1.96·√(s(1−s)·point). At least S360_FORECAST_ABOVE_MIN_COUNT requests.
// Read at the range's end, or now when that is later.
import type pg from 'pg';
import { sql } from '../../db/sql.ts';
import { ValidationError } from '../../http/errors.ts';
import { nameOf } from '../../query/labels.ts';
import { METRICS } from '../../query/metrics.ts';
import type { Frame } from '../../query/frames.ts';
import { column, frameName, notice, type ProactiveContext } from './context.ts';

export type AboveRow = {
  zone_id: number;
  topic: string | null;
  department: string | null;
  received: number;
  expected: number;
  upper_so_far: number;
  point: number;
  share: number;
};

/** The series running above forecast at `at` (both levels). */
export async function runningAbove(db: pg.Pool | pg.PoolClient, at: Date, minCount: number): Promise<AboveRow[]> {
  return (await db.query<AboveRow>(sql('forecast/running_above'), [at, minCount])).rows;
}

export async function runningAboveForecast(ctx: ProactiveContext): Promise<Frame[]> {
  const { db, ref, target, filters, range } = ctx;
  const lang = target.language;
  const g = [...target.groupBy].sort().join(',');
  if (g !== '' && g !== 'zone' && g !== 'topic,zone') {
    throw new ValidationError('the query is invalid', [
      { path: `${ctx.path}.groupBy`, message: 'running_above_forecast groups by zone, or zone and topic' },
    ]);
  }
  const at = new Date(Math.min(range.to, Date.now()));
  const keep = (v: string | number | null, f: Array<string | number | null> | undefined) => !f || f.includes(v);
  const rows = (await runningAbove(db, at, ctx.config.forecastAboveMinCount)).filter(
    (r) =>
      (g === 'zone' ? r.topic === null : g === 'topic,zone' ? r.topic !== null : true) &&
      keep(r.zone_id, filters.zone) &&
      (r.topic === null
        ? !filters.topic && !filters.department
        : keep(r.topic, filters.topic) && keep(r.department, filters.department))
  );
  const shown = rows.slice(0, ctx.config.queryMaxSeries);
  ctx.check(Math.max(shown.length, 1), 1);
  const zoneCode = (r: AboveRow) => ref.zoneById.get(r.zone_id)?.code ?? String(r.zone_id);
  const all = lang === 'ar' ? 'كل المواضيع' : 'All topics';
  const n = (name: string, values: number[], en: string, ar: string, extra: Record<string, unknown> = {}) =>
    column(lang, name, 'number', values, en, ar, { unit: 'short', decimals: 1, ...extra });
  return [
    {
      name: frameName(lang, METRICS.running_above_forecast),
      refId: target.refId,
      meta: {
        notices: [
          notice(
            lang,
            'info',
            "Requests so far today against the upper bound of today's 95 % forecast interval scaled to " +
              "this time of day (the share of a day's requests usually received by now, last 4 weeks).",
            'طلبات اليوم حتى الآن مقارنة بالحد الأعلى لفترة ' +
              'التوقع 95 % لليوم، مقسوماً على حصة الطلبات التي تصل ' +
              'عادةً حتى هذه الساعة (آخر 4 أسابيع).'
          ),
        ],
      },
      fields: [
        column(
          lang,
          'zone',
          'string',
          shown.map((r) => nameOf('zone', zoneCode(r), ref, lang)),
          'Zone',
          'المنطقة'
        ),
        column(lang, 'zone_code', 'string', shown.map(zoneCode), 'Zone (code)', 'المنطقة (رمز)'),
        column(
          lang,
          'topic',
          'string',
          shown.map((r) => (r.topic === null ? all : nameOf('topic', r.topic, ref, lang))),
          'Topic',
          'الموضوع'
        ),
        column(
          lang,
          'topic_code',
          'string',
          shown.map((r) => r.topic),
          'Topic (code)',
          'الموضوع (رمز)'
        ),
        column(
          lang,
          'department',
          'string',
          shown.map((r) => (r.department === null ? '' : nameOf('department', r.department, ref, lang))),
          'Department',
          'الإدارة'
        ),
        n(
          'received',
          shown.map((r) => r.received),
          'Received so far today',
          'المستلم اليوم حتى الآن',
          { decimals: 0 }
        ),
        n(
          'expected',
          shown.map((r) => r.expected),
          'Expected by now',
          'المتوقع حتى الآن'
        ),
        n(
          'upper',
          shown.map((r) => r.upper_so_far),
          'Upper bound by now',
          'الحد الأعلى حتى الآن'
        ),
        n(
          'above_by',
          shown.map((r) => r.received - r.upper_so_far),
          'Above the bound by',
          'الزيادة على الحد'
        ),
        n(
          'above_pct',
          shown.map(
            (r) => (r.upper_so_far > 0 ? (100 * (r.received - r.upper_so_far)) / r.upper_so_far : null) as number
          ),
          'Above the bound by (%)',
          'الزيادة على الحد (%)',
          { unit: 'percent', decimals: 0 }
        ),
      ],
    },
  ];
}
