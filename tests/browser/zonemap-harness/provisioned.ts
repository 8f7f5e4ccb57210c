// The provisioned dashboards (provisioning/dashboards/services360/*.json, the Arabic copies in services360-ar/) as the
// browser tests read them: their zone map panels and the absolute range a panel shows at a fixed "now" (midday UTC, so "today so far" holds half
// a day of demo data whatever the clock says).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { ROOT_DIR } from '../../host/webpack.config.ts';
import { EDITIONS, type Lang } from '../../../provisioning/generate/language.ts';
import { generateDemo } from '../../../backend/demo/generate.ts';
import { defaultZonesFile, fileSource, generatedCitySource } from '../../../backend/demo/communities.ts';
import { runForecasts } from '../../../backend/forecast/run.ts';
import { applyPendingRollups } from '../../../backend/rollups/apply.ts';
import { loadConfig } from '../../../backend/config.ts';

export const MAP = 'services360-zonemap-panel';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Midday (UTC) of today or yesterday. */
export const NOW = (() => {
  const today = Math.floor(Date.now() / DAY) * DAY;
  return Date.now() - today >= 12 * HOUR ? today + 12 * HOUR : today - 12 * HOUR;
})();

export type Panel = {
  id: number;
  type: string;
  title: string;
  timeFrom?: string;
  options?: Record<string, any>;
  targets?: Array<Record<string, any>>;
  datasource?: { uid?: string };
  gridPos: { w: number; h: number };
};
export type Dashboard = {
  uid: string;
  title: string;
  time: { from: string; to: string };
  panels: Panel[];
  templating?: unknown;
};

/** The folder of a language's dashboards. */
export const dashboardDir = (lang: Lang = 'en') => join(ROOT_DIR, 'provisioning/dashboards', EDITIONS[lang].dir);

export function provisionedDashboards(lang: Lang = 'en'): Dashboard[] {
  const dir = dashboardDir(lang);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Dashboard);
}

export function provisionedMaps(lang: Lang = 'en'): Array<{ d: Dashboard; p: Panel }> {
  return provisionedDashboards(lang).flatMap((d) => d.panels.filter((p) => p.type === MAP).map((p) => ({ d, p })));
}

/**
 * The city the provisioned dashboards are shown with: a month of demo requests (seed "dashboards-browser") in the
 * city's zones ending at `endAt`, the rollups applied (as the rollup job keeps them) and, when asked, the nightly
 * forecast fit at `endAt` that the Proactive dashboard's forecast map reads. Zones: the Dubai communities when
 * they lie beside the project (../shared), else the generated city; `generated: true` always takes the generated
 * city, for renders that must be the same on every machine (the visual references).
 */
export async function seedDashboardCity(
  pool: pg.Pool,
  endAt: number,
  opts: { forecasts: boolean; generated?: boolean }
): Promise<void> {
  const file = opts.generated ? null : defaultZonesFile();
  await generateDemo(pool, {
    months: 1,
    seed: 'dashboards-browser',
    requests: 6000,
    perDay: 0,
    endAt,
    chunkRequests: 5000,
    source: file ? fileSource(file) : generatedCitySource(),
    subdivideVertices: 64,
    checkRows: false,
  });
  await applyPendingRollups(pool, 50_000);
  if (opts.forecasts) {
    await runForecasts(pool, loadConfig(), new Date(endAt), { force: true });
  }
}

/** The absolute range a panel shows at `now` (NOW unless given): its own relative time (timeFrom) or the dashboard's. */
export function rangeOf(d: Dashboard, p: Panel, now = NOW) {
  const rel = (text: string) => {
    if (text === 'now') {
      return now;
    }
    if (text === 'now/d') {
      return Math.floor(now / DAY) * DAY;
    }
    const ahead = /^now\+(\d+)d\/d$/.exec(text);
    if (ahead) {
      return Math.floor(now / DAY) * DAY + (Number(ahead[1]) + 1) * DAY;
    }
    const m = /^(?:now-)?(\d+)([hd])$/.exec(text);
    if (!m) {
      throw new Error(`relative time ${text} is not modelled here`);
    }
    return now - Number(m[1]) * (m[2] === 'h' ? HOUR : DAY);
  };
  const from = p.timeFrom ? rel(p.timeFrom) : rel(d.time.from);
  return { from: new Date(from).toISOString(), to: new Date(p.timeFrom ? now : rel(d.time.to)).toISOString() };
}
