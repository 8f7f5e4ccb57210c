// Data for the browser tests: the demo city (`services360 generate-demo --months 1 --seed 1`, fixed end) when
// the generator exists, else the Dubai communities (or the 2×2 grid) with a few hundred requests over a month.
// S360_BROWSER_SEED=basic forces the second (faster: no demo generation).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT_DIR } from '../host/webpack.config.ts';
import type { TestAggregator } from '../support/aggregator.ts';
import { hasDubai, importDubai, importGrid, sampleRequest } from '../support/fixtures.ts';

export const DEMO_END = '2026-11-29T12:00:00+04:00';

export type SeededCity = { source: 'demo' | 'dubai' | 'grid'; from: string; to: string; zones: number };

export async function seedCity(agg: TestAggregator): Promise<SeededCity> {
  const to = new Date(DEMO_END).toISOString();
  const from = new Date(Date.parse(DEMO_END) - 30 * 86400_000).toISOString();
  let source: SeededCity['source'];
  if (process.env.S360_BROWSER_SEED !== 'basic' && existsSync(join(ROOT_DIR, 'backend/cli/generate-demo.ts'))) {
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT_DIR, 'bin/services360.js'),
        'generate-demo',
        '--months',
        '1',
        '--seed',
        '1',
        '--end',
        DEMO_END,
        '--quiet',
      ],
      {
        cwd: ROOT_DIR,
        env: { ...process.env, DATABASE_URL: agg.db.url },
        encoding: 'utf8',
        timeout: 15 * 60_000,
      }
    );
    if (run.status !== 0) {
      throw new Error(`generate-demo failed (${run.status}): ${run.stderr.slice(-2000)}`);
    }
    source = 'demo';
  } else {
    source = hasDubai() ? 'dubai' : 'grid';
    await (hasDubai() ? importDubai(agg.db.pool) : importGrid(agg.db.pool));
    const { rows } = await agg.db.pool.query<{ lon: number; lat: number }>(
      'SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (SELECT ST_PointOnSurface(geom) AS p FROM zones ORDER BY code LIMIT 40) z'
    );
    const channels = ['website', 'whatsapp', 'call_centre', 'social_media'];
    const categories = ['complaint', 'inquiry', 'report', 'service_request'];
    const requests = Array.from({ length: 400 }, (_, i) =>
      sampleRequest({
        external_id: `browser-${i}`,
        source: 'browser-seed',
        channel: channels[i % channels.length],
        category: categories[(i >> 2) % categories.length],
        location: rows[i % rows.length],
        created_at: new Date(Date.parse(from) + ((i * 7919) % 720) * 3600_000).toISOString(),
      })
    );
    for (let i = 0; i < requests.length; i += 200) {
      const res = await agg.call(
        'POST',
        '/v1/requests/batch',
        { requests: requests.slice(i, i + 200) },
        agg.tokens.ingest
      );
      if (res.status !== 201) {
        throw new Error(`seeding requests failed: ${res.status} ${res.text.slice(0, 500)}`);
      }
    }
  }
  const { rows } = await agg.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM zones');
  return { source, from, to, zones: rows[0].n };
}
