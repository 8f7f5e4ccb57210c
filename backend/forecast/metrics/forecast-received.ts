// forecast_received: the stored daily forecasts (point and 95 % interval) of the range's days, by the target's level.
// Time series: per series the point and the lower and upper bounds as fields a time series panel shades between
// (Grafana's custom.fillBelowTo on the upper field, naming the lower field's display name), the point dashed and the
// frame marked as a forecast (meta.custom.forecast, and meta.notices saying how it was made). Table: per series the
// range's sums (bounds summed: a conservative interval) and tomorrow's point, with tomorrow per 10,000 residents
// by zone. Series a filter folds together are summed the same way.
import { sql } from '../../db/sql.ts';
import { DIMENSION_NAMES, codeOf, nameOf } from '../../query/labels.ts';
import { METRICS } from '../../query/metrics.ts';
import type { Field, Frame } from '../../query/frames.ts';
import type { Dimension } from '../../rollups/cubes.ts';
import { addDays } from '../days.ts';
import { localDate } from '../../sla/time-zone.ts';
import { column, frameName, notice, type ProactiveContext } from './context.ts';
import { levelNotices, type LevelRow } from './level-notice.ts';
import { levelOf } from './level-of.ts';
import { lookup } from '../../domain/lookup.ts';

/** A series' day (t: its start), or in a table its range summed (t null); tomorrow's forecast beside it. */
type Row = {
  zone_id: number | null;
  code: string | null;
  t: number | null;
  point: number;
  lower_95: number;
  upper_95: number;
  tomorrow_point: number | null;
  tomorrow_lower: number | null;
  tomorrow_upper: number | null;
  first_day: string;
  last_day: string;
  method: string;
};
type Sum = { point: number; lower: number; upper: number };
/** The series a target's groupBy folds together: per day (a time series) or summed over the range (a table). */
type Group = { dims: Array<string | number | null>; days: Map<number, Sum>; total: Sum; tomorrow: Sum | null };

export const FORECAST_FIELD_NAMES = {
  point: { en: 'Expected requests', ar: 'الطلبات المتوقعة' },
  lower: { en: 'Lower bound (95 %)', ar: 'الحد الأدنى (95 %)' },
  upper: { en: 'Upper bound (95 %)', ar: 'الحد الأعلى (95 %)' },
} as const;

const plus = (a: Sum | null | undefined, b: Sum): Sum => ({
  point: (a?.point ?? 0) + b.point,
  lower: (a?.lower ?? 0) + b.lower,
  upper: (a?.upper ?? 0) + b.upper,
});
const NONE: Sum = { point: 0, lower: 0, upper: 0 };

export async function forecastReceived(ctx: ProactiveContext): Promise<Frame[]> {
  const { db, ref, range, target, filters } = ctx;
  const lang = target.language;
  const level = levelOf(target, ctx.path);
  // The city's day now, from the reference data's zone (no round trip); its holidays around the range, kept to the
  // days the forecasts cover.
  const tomorrow = addDays(localDate(Date.now(), ref.time_zone), 1);
  const [lo, hi] = [localDate(range.from, ref.time_zone), localDate(range.to, ref.time_zone)];
  const zones = filters.zone ? (filters.zone.filter((z) => z !== null) as number[]) : null;
  const codeDim = (['department', 'channel', 'category', 'topic'] as Dimension[]).find(
    (d) => level === d || (level === 'zone_topic' && d === 'topic')
  );
  const codes = codeDim ? ((filters[codeDim]?.filter((c) => c !== null) as string[] | undefined) ?? null) : null;
  // One after the other: the query's database handle may be a single client (pg queues, and deprecates, overlap).
  const { rows } = await db.query<Row>(sql('forecast/query_forecasts'), [
    level,
    zones,
    codes,
    new Date(range.from),
    new Date(range.to),
    ref.time_zone,
    tomorrow,
    target.format === 'table',
  ]);
  const { rows: levels } = await db.query<LevelRow>(sql('forecast/level_accuracy'), [[level]]);
  const { rows: holidays } = await db.query<{ day: string }>(sql('forecast/holidays'), [
    lo < tomorrow ? lo : tomorrow,
    addDays(hi > tomorrow ? hi : tomorrow, 1),
  ]);
  const stored = (d: Dimension, r: Row) => (d === 'zone' ? r.zone_id : r.code);
  const groups = new Map<string, Group>();
  const seriesMethods = new Map<string, string>();
  for (const r of rows) {
    const dims = target.groupBy.map((d) => stored(d, r));
    const key = JSON.stringify(dims);
    let g = groups.get(key);
    if (!g) {
      g = { dims, days: new Map(), total: NONE, tomorrow: null };
      groups.set(key, g);
    }
    const inRange = { point: r.point, lower: r.lower_95, upper: r.upper_95 };
    if (r.t !== null) {
      g.days.set(r.t, plus(g.days.get(r.t), inRange));
    }
    g.total = plus(g.total, inRange);
    if (r.tomorrow_point !== null && r.tomorrow_lower !== null && r.tomorrow_upper !== null) {
      g.tomorrow = plus(g.tomorrow, { point: r.tomorrow_point, lower: r.tomorrow_lower, upper: r.tomorrow_upper });
    }
    seriesMethods.set(`${r.zone_id}|${r.code}`, r.method);
  }
  const naive = [...seriesMethods.values()].filter((m) => m === 'seasonal_naive').length;
  const notices = levelNotices(lang, levels[0], naive, seriesMethods.size);
  // Holidays were taken out of the history, so a holiday ahead is forecast as the ordinary weekday it falls on.
  if (rows.length) {
    const first = rows.reduce((a, r) => (r.first_day < a ? r.first_day : a), rows[0].first_day);
    const last = rows.reduce((a, r) => (r.last_day > a ? r.last_day : a), rows[0].last_day);
    const hol = holidays.filter((h) => h.day >= first && h.day <= last);
    if (hol.length) {
      notices.push(
        notice(
          lang,
          'info',
          `Holidays in this range (${hol
            .map((h) => h.day)
            .sort()
            .join(', ')}) are forecast as ordinary days.`,
          `العطل في هذه الفترة (${hol
            .map((h) => h.day)
            .sort()
            .join('، ')}) متوقعة كأيام عادية.`
        )
      );
    }
  }
  const meta = { custom: { forecast: true, level, interval: 95 }, notices };
  const list = [...groups.values()];
  const metric = METRICS.forecast_received;
  const names = (g: Group) => target.groupBy.map((d, i) => nameOf(d, codeOf(d, g.dims[i], ref), ref, lang));
  const L = (k: keyof typeof FORECAST_FIELD_NAMES) => FORECAST_FIELD_NAMES[k][lang];

  if (target.format === 'table') {
    ctx.check(Math.max(list.length, 1), 1);
    const sums = list.map((g) => g.total);
    const order = list.map((_, i) => i).sort((a, b) => sums[b].point - sums[a].point);
    const fields: Field[] = [];
    target.groupBy.forEach((d, i) => {
      fields.push(
        column(
          lang,
          d,
          'string',
          order.map((k) => names(list[k])[i]),
          DIMENSION_NAMES[d].en,
          DIMENSION_NAMES[d].ar
        )
      );
      fields.push(
        column(
          lang,
          `${d}_code`,
          'string',
          order.map((k) => codeOf(d, list[k].dims[i], ref)),
          `${DIMENSION_NAMES[d].en} (code)`,
          `${DIMENSION_NAMES[d].ar} (رمز)`
        )
      );
    });
    const num = (name: string, values: Array<number | null>, en: string, ar: string) =>
      fields.push(column(lang, name, 'number', values, en, ar, { unit: 'short', decimals: 0 }));
    num(
      'forecast_received',
      order.map((k) => sums[k].point),
      FORECAST_FIELD_NAMES.point.en,
      FORECAST_FIELD_NAMES.point.ar
    );
    num(
      'lower_95',
      order.map((k) => sums[k].lower),
      FORECAST_FIELD_NAMES.lower.en,
      FORECAST_FIELD_NAMES.lower.ar
    );
    num(
      'upper_95',
      order.map((k) => sums[k].upper),
      FORECAST_FIELD_NAMES.upper.en,
      FORECAST_FIELD_NAMES.upper.ar
    );
    num(
      'tomorrow',
      order.map((k) => list[k].tomorrow?.point ?? null),
      'Expected tomorrow',
      'المتوقع غداً'
    );
    const zoneAt = target.groupBy.indexOf('zone');
    if (zoneAt >= 0) {
      const per10k = order.map((k) => {
        const pop = ref.zoneById.get(Number(list[k].dims[zoneAt]))?.population;
        const t = list[k].tomorrow;
        return pop && pop > 0 && t ? (t.point / pop) * 10_000 : null;
      });
      fields.push(
        column(
          lang,
          'tomorrow_per_10k',
          'number',
          per10k,
          'Expected tomorrow per 10,000 residents',
          'المتوقع غداً لكل 10,000 نسمة',
          { unit: 'short', decimals: 2 }
        )
      );
    }
    return [{ name: frameName(lang, metric), refId: target.refId, meta, fields }];
  }

  ctx.check(Math.max(list.length, 1), Math.max(...list.map((g) => g.days.size), 1));
  return list.map((g) => {
    const prefix = target.groupBy.length ? `${names(g).join(' · ')} · ` : '';
    const times = [...g.days.keys()].sort((a, b) => a - b);
    const labels = Object.fromEntries(target.groupBy.map((d, i) => [d, codeOf(d, g.dims[i], ref) ?? '']));
    const lowerName = `${prefix}${L('lower')}`;
    const band = { lineWidth: 0, showPoints: 'never', hideFrom: { legend: true, tooltip: false, viz: false } };
    const value = (name: string, pick: (s: Sum) => number, config: Record<string, unknown>): Field => ({
      name,
      type: 'number',
      values: times.map((t) => pick(lookup(g.days, t, 'g.days'))),
      labels,
      config: { unit: 'short', decimals: 0, ...config },
    });
    return {
      name: `${prefix}${L('point')}`,
      refId: target.refId,
      meta,
      fields: [
        { name: 'time', type: 'time', values: times, config: {} },
        value('forecast_received', (s) => s.point, {
          displayName: `${prefix}${L('point')}`,
          custom: { lineStyle: { fill: 'dash', dash: [10, 10] } },
          description: lang === 'ar' ? 'توقع' : 'Forecast',
        }),
        value('lower_95', (s) => s.lower, { displayName: lowerName, custom: { ...band, fillOpacity: 0 } }),
        value('upper_95', (s) => s.upper, {
          displayName: `${prefix}${L('upper')}`,
          custom: { ...band, fillOpacity: 20, fillBelowTo: lowerName },
        }),
      ],
    };
  });
}
