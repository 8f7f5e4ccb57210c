// Fixed zone forecasts for the visual test of the Proactive dashboard's "Tomorrow" map. The aggregator reads the
// forecast of the city's REAL tomorrow (forecast_received: cityDay(db, new Date())), so a fit made at the demo's
// fixed time would show other figures (or none) on another day. These rows are written for the city-local days from
// the real today through today + 8 (tomorrow is among them even if the city's midnight passes during the run), with
// values that depend on the zone only, never on the day: the map renders the same whatever the date.
import type pg from 'pg';
import { sql } from '../../../backend/db/sql.ts';
import { addDays } from '../../../backend/forecast/days.ts';
import { cityDay } from '../../../backend/forecast/evaluate-all.ts';

/** The days written: today and the 8 after it (the job's horizon is a week; one more day covers a midnight). */
const DAYS_AHEAD = 8;
/** The range of "expected per 10,000 residents" the zones are spread over. */
const PER_10K = { min: 4, max: 20 };

/** FNV-1a of a zone's code, in [0, 1): a stable, well spread value per zone. */
function spreadOf(code: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) {
    h = Math.imul(h ^ code.charCodeAt(i), 0x01000193) >>> 0;
  }
  return h / 2 ** 32;
}

/**
 * A zone's daily forecast: the point (so that point / population × 10,000 lies in PER_10K where the population is
 * known; from the code alone where it is not, as such zones are hatched on the map) and a 95 % and 80 % interval
 * around it.
 */
export function fixedForecast(zone: { code: string; population: number | null }) {
  const s = spreadOf(zone.code);
  const point =
    zone.population && zone.population > 0
      ? ((PER_10K.min + (PER_10K.max - PER_10K.min) * s) * zone.population) / 10_000
      : 5 + 45 * s;
  return { point, lower_80: point * 0.85, upper_80: point * 1.15, lower_95: point * 0.75, upper_95: point * 1.25 };
}

/**
 * Writes the fixed forecasts of every zone (level 'zone', key and zone_id as the nightly job writes them) for the
 * city-local days today … today + DAYS_AHEAD, and the 'zone' level's accuracy row (forecast_levels) the metric reads
 * to say how its forecasts were made (the model used, MASE below 1). Replaces any zone forecasts already stored.
 */
export async function seedFixedZoneForecasts(pool: pg.Pool): Promise<{ zones: number; days: string[] }> {
  const now = new Date();
  const { today } = await cityDay(pool, now);
  const days = Array.from({ length: DAYS_AHEAD + 1 }, (_, i) => addDays(today, i));
  const { rows: zones } = await pool.query<{ id: number; code: string; population: number | null }>(
    'SELECT id, code, population FROM zones ORDER BY id'
  );
  const c = {
    level: [] as string[],
    key: [] as string[],
    zone: [] as number[],
    code: [] as null[],
    day: [] as string[],
    point: [] as number[],
    l80: [] as number[],
    u80: [] as number[],
    l95: [] as number[],
    u95: [] as number[],
    method: [] as string[],
  };
  for (const z of zones) {
    const f = fixedForecast(z);
    for (const day of days) {
      c.level.push('zone');
      c.key.push(z.code);
      c.zone.push(z.id);
      c.code.push(null);
      c.day.push(day);
      c.point.push(f.point);
      c.l80.push(f.lower_80);
      c.u80.push(f.upper_80);
      c.l95.push(f.lower_95);
      c.u95.push(f.upper_95);
      c.method.push('mstl_ets');
    }
  }
  await pool.query("DELETE FROM forecasts WHERE level = 'zone'");
  await pool.query(sql('forecast/insert_forecasts'), [
    c.level,
    c.key,
    c.zone,
    c.code,
    c.day,
    c.point,
    c.l80,
    c.u80,
    c.l95,
    c.u95,
    c.method,
    now,
  ]);
  // level, series, weeks, model_mae, naive_mae, mase, coverage_80, coverage_95, use_model, source, evaluated_at
  await pool.query(sql('forecast/upsert_level'), [
    'zone',
    zones.length,
    4,
    2,
    2.5,
    0.8,
    0.8,
    0.95,
    true,
    'backtest',
    now,
  ]);
  return { zones: zones.length, days };
}
