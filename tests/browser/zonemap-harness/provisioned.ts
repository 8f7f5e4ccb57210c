// The provisioned dashboards (provisioning/dashboards/services360/*.json, the Arabic copies in services360-ar/) as the
// browser tests read them: their zone map panels and the absolute range a panel shows at a fixed "now" (midday UTC, so "today so far" holds half
// a day of demo data whatever the clock says).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT_DIR } from '../../host/webpack.config.ts';
import { EDITIONS, type Lang } from '../../../provisioning/generate/language.ts';

export const MAP = 'services360-zonemap-panel';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Midday (UTC) of today or yesterday. */
export const NOW = (() => {
  const today = Math.floor(Date.now() / DAY) * DAY;
  return Date.now() - today >= 12 * HOUR ? today + 12 * HOUR : today - 12 * HOUR;
})();

export type Panel = { id: number; type: string; title: string; timeFrom?: string; options?: Record<string, any>; targets?: Record<string, any>[]; datasource?: { uid?: string }; gridPos: { w: number; h: number } };
export type Dashboard = { uid: string; title: string; time: { from: string; to: string }; panels: Panel[]; templating?: unknown };

/** The folder of a language's dashboards. */
export const dashboardDir = (lang: Lang = 'en') => join(ROOT_DIR, 'provisioning/dashboards', EDITIONS[lang].dir);

export function provisionedDashboards(lang: Lang = 'en'): Dashboard[] {
  const dir = dashboardDir(lang);
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Dashboard);
}

export function provisionedMaps(lang: Lang = 'en'): { d: Dashboard; p: Panel }[] {
  return provisionedDashboards(lang).flatMap((d) => d.panels.filter((p) => p.type === MAP).map((p) => ({ d, p })));
}

/** The absolute range a panel shows at NOW: its own relative time (timeFrom) or the dashboard's. */
export function rangeOf(d: Dashboard, p: Panel) {
  const rel = (text: string) => {
    if (text === 'now') return NOW;
    if (text === 'now/d') return Math.floor(NOW / DAY) * DAY;
    const ahead = /^now\+(\d+)d\/d$/.exec(text);
    if (ahead) return Math.floor(NOW / DAY) * DAY + (Number(ahead[1]) + 1) * DAY;
    const m = /^(?:now-)?(\d+)([hd])$/.exec(text);
    if (!m) throw new Error(`relative time ${text} is not modelled here`);
    return NOW - Number(m[1]) * (m[2] === 'h' ? HOUR : DAY);
  };
  const from = p.timeFrom ? rel(p.timeFrom) : rel(d.time.from);
  return { from: new Date(from).toISOString(), to: new Date(p.timeFrom ? NOW : rel(d.time.to)).toISOString() };
}
