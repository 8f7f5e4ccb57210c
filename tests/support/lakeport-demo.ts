// The second city for the exactness property (tests/integration/query-exactness-lakeport.test.ts): Lakeport's file
// applied (America/Chicago, its own catalogue, Monday-to-Friday calendar, US holidays), then the demo generator's
// history in that zone over nine months ending 29 November 2026 — across both daylight-saving changes of 2026
// (8 March, 1 November) — on a generated city; the SLA sweep and the rollups at the end; then a sweep three days
// later whose new breaches stay pending, so queries read rollups and the pending delta both.
import { join } from 'node:path';
import type pg from 'pg';
import { loadConfig } from '../../backend/config.ts';
import { applyCityFile } from '../../backend/city/apply.ts';
import { loadCityFile } from '../../backend/city/load-file.ts';
import { generatedCitySource } from '../../backend/demo/communities.ts';
import { generateDemo } from '../../backend/demo/generate.ts';
import { applyPendingRollups } from '../../backend/rollups/apply.ts';
import { sweepSla } from '../../backend/sla/sweep.ts';
import type { Dim } from './brute-force.ts';
import type { ExactnessCity } from './exactness.ts';
import { prng } from './random.ts';
import { ROOT_DIR } from '../host/webpack.config.ts';

export const LAKEPORT_END = Date.parse('2026-11-29T18:00:00Z');
const DAY = 86_400_000;

export function lakeportCity(requests: number, seed: number): ExactnessCity {
  return {
    now: LAKEPORT_END,
    spanDays: 275,
    async seed(pool: pg.Pool) {
      await applyCityFile(pool, loadCityFile(join(ROOT_DIR, 'config/cities/lakeport.yaml')), 'lakeport.yaml');
      const config = loadConfig();
      await generateDemo(pool, {
        months: 9,
        seed: `lakeport-${seed}`,
        requests,
        perDay: 0,
        endAt: LAKEPORT_END,
        chunkRequests: config.demoChunkRows,
        source: generatedCitySource(),
        subdivideVertices: config.zoneSubdivideVertices,
        checkRows: false,
        bulkMinRequests: null,
      });
      await sweepSla(pool, new Date(LAKEPORT_END));
      while ((await applyPendingRollups(pool, 5000)).requests > 0) {}
      await sweepSla(pool, new Date(LAKEPORT_END + 3 * DAY));
    },
    async values(pool: pg.Pool) {
      const rnd = prng(seed);
      const codes = async (q: string) => (await pool.query<{ code: string }>(q)).rows.map((r) => r.code);
      const some = (xs: string[], n: number) => xs.filter(() => rnd.chance(n / xs.length)).slice(0, n);
      const values: Record<Dim, Array<string | null>> = {
        zone: [...some(await codes('SELECT code FROM zones ORDER BY id'), 6), null],
        channel: await codes('SELECT code FROM channels WHERE retired_at IS NULL ORDER BY sort, code'),
        category: await codes('SELECT code FROM categories ORDER BY code'),
        topic: [...(await codes('SELECT code FROM topics WHERE retired_at IS NULL ORDER BY code')), null],
        department: [...(await codes('SELECT code FROM departments WHERE retired_at IS NULL ORDER BY code')), null],
        advisor: [...some(await codes('SELECT code FROM advisors ORDER BY code'), 6), null],
        status_class: ['open', 'closed', 'cancelled'],
        priority: ['low', 'normal', 'high', 'urgent'],
      };
      return values;
    },
  };
}
