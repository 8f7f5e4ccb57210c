// The daily series to forecast, up to yesterday (city-local): the city, every department, channel, category, topic
// and zone from the day rollups; zone × topic from the requests (no cube holds both), for the pairs busy enough.
// A series starts at its first day with a request; days without one are zeros.
import type pg from 'pg';
import { sql } from '../db/sql.ts';
import { cubeId, type Dimension } from '../rollups/cubes.ts';
import { addDays, daysBetween } from './days.ts';
import type { DailySeries, ForecastLevel } from './types.ts';
import { lookup } from '../domain/lookup.ts';

const SINGLE: Array<[ForecastLevel, Dimension[]]> = [
  ['city', []],
  ['department', ['department']],
  ['channel', ['channel']],
  ['category', ['category']],
  ['topic', ['topic']],
  ['zone', ['zone']],
];
const LEVEL_OF_CUBE = new Map(SINGLE.map(([level, dims]) => [cubeId(dims), level]));

export type SeriesWindow = { timeZone: string; today: string; historyDays: number; zoneTopicMinMean: number };

type Row = { zone_id: number | null; zone_code: string | null; code: string | null; day: string; n: number };

export async function extractSeries(db: pg.Pool | pg.PoolClient, w: SeriesWindow): Promise<DailySeries[]> {
  const first = addDays(w.today, -w.historyDays);
  const recentDays = 28;
  const [rolled, pairs, hol] = await Promise.all([
    db.query<Row & { cube: number }>(sql('forecast/rollup_daily'), [
      [...LEVEL_OF_CUBE.keys()],
      first,
      w.today,
      w.timeZone,
    ]),
    db.query<Row>(sql('forecast/zone_topic_daily'), [
      first,
      w.today,
      w.timeZone,
      recentDays,
      Math.ceil(w.zoneTopicMinMean * recentDays),
    ]),
    db.query<{ day: string }>(sql('forecast/holidays'), [first, w.today]),
  ]);
  const holidays = new Set(hol.rows.map((r) => r.day));
  const byKey = new Map<
    string,
    { level: ForecastLevel; key: string; zoneId: number | null; code: string | null; days: Map<string, number> }
  >();
  const add = (level: ForecastLevel, r: Row) => {
    const key =
      level === 'city'
        ? ''
        : level === 'zone'
          ? r.zone_code
          : level === 'zone_topic'
            ? `${r.zone_code}|${r.code}`
            : r.code;
    if (
      key === null ||
      (level !== 'city' && (level === 'zone' || level === 'zone_topic' ? r.zone_id === null : r.code === null))
    ) {
      return;
    }
    const id = `${level}\u0000${key}`;
    let s = byKey.get(id);
    if (!s) {
      s = {
        level,
        key,
        zoneId: level === 'zone' || level === 'zone_topic' ? r.zone_id : null,
        code: level === 'zone' || level === 'city' ? null : r.code,
        days: new Map(),
      };
      byKey.set(id, s);
    }
    if (r.n > 0) {
      s.days.set(r.day, (s.days.get(r.day) ?? 0) + r.n);
    }
  };
  for (const r of rolled.rows) {
    add(lookup(LEVEL_OF_CUBE, r.cube, 'LEVEL_OF_CUBE'), r);
  }
  for (const r of pairs.rows) {
    add('zone_topic', r);
  }
  const out: DailySeries[] = [];
  for (const s of byKey.values()) {
    if (!s.days.size) {
      continue;
    }
    const start = [...s.days.keys()].sort()[0];
    const length = daysBetween(start, w.today);
    const values: number[] = [];
    const holiday: boolean[] = [];
    for (let i = 0; i < length; i++) {
      const day = addDays(start, i);
      values.push(s.days.get(day) ?? 0);
      holiday.push(holidays.has(day));
    }
    out.push({ level: s.level, key: s.key, zoneId: s.zoneId, code: s.code, start, values, holiday });
  }
  return out.sort((a, b) => a.level.localeCompare(b.level) || a.key.localeCompare(b.key));
}
