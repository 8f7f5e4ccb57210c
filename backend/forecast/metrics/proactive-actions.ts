// proactive_actions (table): what to act on now, ranked — zones × topics running above forecast today (first),
// forecast to rise over the next 7 days against the last 7 (next), and recurring hot spots of the range (then); a
// pair found several ways is one row naming each reason. Each row carries its department and the topic's
// proactive-action text from the catalogue (the target's language, English when there is none in it), and links to
// the Zones dashboard (the zone) and the Request journey dashboard (the pair's latest request).
import { sql } from '../../db/sql.ts';
import { findHotspots } from '../../recurrence/hotspots.ts';
import { asRequestFilters } from '../../query/target-filters.ts';
import { nameOf } from '../../query/labels.ts';
import { METRICS, type Language } from '../../query/metrics.ts';
import type { Frame } from '../../query/frames.ts';
import { cityDay } from '../evaluate-all.ts';
import { column, frameName, type ProactiveContext } from './context.ts';
import { runningAbove } from './running-above.ts';

/** A rise worth acting on: at least this many more requests over 7 days, and this much more. */
export const RISE_MIN_MORE = 3;
export const RISE_MIN_RATIO = 1.2;

type Item = { zoneId: number; topic: string; score: number; reasons: string[] };
/**
 * The dashboards the table's links open, in the answer's language: an Arabic answer links to the Arabic copies, whose
 * uids end in -ar as provisioning/generate/language.ts provisions them (tests/integration/dashboards-arabic.test.ts
 * checks these paths against the provisioned uids of each language).
 */
export function dashboardLinks(lang: Language) {
  const path = (uid: string) => `/d/${uid}${lang === 'ar' ? '-ar' : ''}`;
  return {
    zones: `${path('s360-zones')}?var-zone=\${__data.fields.zone_code}&var-language=${lang}`,
    journey: `${path('s360-journey')}?var-reference=\${__data.fields.latest_reference}&var-language=${lang}`,
  };
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const reasonText = {
  above: (lang: Language, received: number, upper: number) =>
    lang === 'ar'
      ? `أعلى من المتوقع اليوم: ${received} طلباً مقابل حد أعلى ${r1(upper)}`
      : `running above forecast today: ${received} against an upper bound of ${r1(upper)}`,
  rising: (lang: Language, expected: number, last: number) =>
    lang === 'ar'
      ? `يُتوقع ارتفاعه: ${Math.round(expected)} في الأيام السبعة القادمة مقابل ${last} في السبعة الماضية`
      : `forecast to rise: ${Math.round(expected)} in the next 7 days against ${last} in the last 7`,
  hotspot: (lang: Language, count: number) =>
    lang === 'ar' ? `نقطة ساخنة متكررة: ${count} بلاغات` : `recurring hot spot: ${count} reports`,
};
const KIND = { above: 300, rising: 200, hotspot: 100 };

export async function proactiveActions(ctx: ProactiveContext): Promise<Frame[]> {
  const { db, ref, config, range, target, filters } = ctx;
  const lang = target.language;
  const now = new Date(Math.min(range.to, Date.now()));
  const { today } = await cityDay(db, now);
  // One after the other: the query's database handle may be a single client (pg queues, and deprecates, overlap).
  const above = await runningAbove(db, now, config.forecastAboveMinCount);
  const rising = await db.query<{ zone_id: number; topic: string; expected: number; last_week: number }>(
    sql('forecast/rising'),
    [today, ref.time_zone, RISE_MIN_MORE, RISE_MIN_RATIO]
  );
  const hot = await findHotspots(
    db,
    {
      window: { from: new Date(range.from), to: new Date(range.to) },
      filters: asRequestFilters(filters, ref),
      language: lang,
    },
    config
  );
  const topics = await db.query<{ code: string; department: string; proactive_action: Record<string, string> | null }>(
    sql('forecast/topic_actions')
  );
  const topicOf = new Map(topics.rows.map((t) => [t.code, t]));
  const items = new Map<string, Item>();
  const put = (zoneId: number, topic: string, score: number, reason: string) => {
    const key = `${zoneId}|${topic}`;
    const it = items.get(key) ?? { zoneId, topic, score: 0, reasons: [] };
    it.score = Math.max(it.score, score);
    it.reasons.push(reason);
    items.set(key, it);
  };
  for (const a of above) {
    if (a.topic !== null) {
      put(
        a.zone_id,
        a.topic,
        KIND.above + Math.min(99, (100 * (a.received - a.upper_so_far)) / Math.max(a.upper_so_far, 1)),
        reasonText.above(lang, a.received, a.upper_so_far)
      );
    }
  }
  for (const r of rising.rows) {
    put(
      r.zone_id,
      r.topic,
      KIND.rising + Math.min(99, (100 * (r.expected - r.last_week)) / Math.max(r.last_week, 1)),
      reasonText.rising(lang, r.expected, r.last_week)
    );
  }
  for (const h of hot.hotspots) {
    const zone = h.zone_code === null ? undefined : ref.zone.get(h.zone_code);
    if (zone) {
      put(zone.id, h.topic_code, KIND.hotspot + Math.min(99, h.count), reasonText.hotspot(lang, h.count));
    }
  }
  const keep = (v: string | number | null | undefined, f: Array<string | number | null> | undefined) =>
    !f || f.includes(v ?? null);
  const rows = [...items.values()]
    .filter(
      (it) =>
        keep(it.zoneId, filters.zone) &&
        keep(it.topic, filters.topic) &&
        keep(topicOf.get(it.topic)?.department, filters.department)
    )
    .sort((a, b) => b.score - a.score || a.zoneId - b.zoneId || a.topic.localeCompare(b.topic))
    .slice(0, target.topN);
  ctx.check(Math.max(rows.length, 1), 1);
  const refs = await db.query<{ zone_id: number; topic: string; reference: string | null }>(
    sql('forecast/latest_references'),
    [rows.map((r) => r.zoneId), rows.map((r) => r.topic)]
  );
  const latest = new Map(refs.rows.map((r) => [`${r.zone_id}|${r.topic}`, r.reference]));
  const zoneCode = (id: number) => ref.zoneById.get(id)?.code ?? String(id);
  const action = (code: string) => {
    const a = topicOf.get(code)?.proactive_action;
    return a ? (a[lang] ?? a.en ?? '') : '';
  };
  const links = dashboardLinks(lang);
  const link = (title: string, url: string) => ({ links: [{ title, url }] });
  return [
    {
      name: frameName(lang, METRICS.proactive_actions),
      refId: target.refId,
      fields: [
        column(
          lang,
          'rank',
          'number',
          rows.map((_, i) => i + 1),
          'Rank',
          'الترتيب'
        ),
        column(
          lang,
          'zone',
          'string',
          rows.map((r) => nameOf('zone', zoneCode(r.zoneId), ref, lang)),
          'Zone',
          'المنطقة',
          link(lang === 'ar' ? 'لوحة المناطق' : 'Zones dashboard', links.zones)
        ),
        column(
          lang,
          'zone_code',
          'string',
          rows.map((r) => zoneCode(r.zoneId)),
          'Zone (code)',
          'المنطقة (رمز)'
        ),
        column(
          lang,
          'topic',
          'string',
          rows.map((r) => nameOf('topic', r.topic, ref, lang)),
          'Topic',
          'الموضوع',
          link(lang === 'ar' ? 'رحلة آخر طلب' : "Latest request's journey", links.journey)
        ),
        column(
          lang,
          'topic_code',
          'string',
          rows.map((r) => r.topic),
          'Topic (code)',
          'الموضوع (رمز)'
        ),
        column(
          lang,
          'department',
          'string',
          rows.map((r) => nameOf('department', topicOf.get(r.topic)?.department ?? null, ref, lang)),
          'Department',
          'الإدارة'
        ),
        column(
          lang,
          'why',
          'string',
          rows.map((r) => r.reasons.join(' · ')),
          'Why now',
          'السبب'
        ),
        column(
          lang,
          'action',
          'string',
          rows.map((r) => action(r.topic)),
          'Proactive action',
          'الإجراء الاستباقي'
        ),
        column(
          lang,
          'latest_reference',
          'string',
          rows.map((r) => latest.get(`${r.zoneId}|${r.topic}`) ?? null),
          'Latest request',
          'آخر طلب'
        ),
        column(
          lang,
          'score',
          'number',
          rows.map((r) => r1(r.score)),
          'Score',
          'الدرجة',
          { decimals: 0 }
        ),
      ],
    },
  ];
}
