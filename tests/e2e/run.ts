// npm run test:e2e: runs the real-Grafana suite only when a Grafana answers at GRAFANA_URL (default
// http://127.0.0.1:3000). Without one it says so and exits non-zero: a suite that did not run never passes.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const url = (process.env.GRAFANA_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const NOT_RUN = 3;

async function grafanaHealth(): Promise<{ ok: true; version: string } | { ok: false; reason: string }> {
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) {
      return { ok: false, reason: `GET /api/health answered ${res.status}` };
    }
    const body = (await res.json()) as { version?: string; database?: string };
    if (body.database !== 'ok') {
      return { ok: false, reason: `Grafana's database is "${body.database}"` };
    }
    return { ok: true, version: body.version ?? 'unknown' };
  } catch (err) {
    return {
      ok: false,
      reason: (err as Error).cause ? String((err as Error & { cause: unknown }).cause) : (err as Error).message,
    };
  }
}

const health = await grafanaHealth();
if (!health.ok) {
  console.error(
    [
      '',
      `NOT RUN: the real-Grafana suite (tests/e2e) needs a running Grafana, and none answers at ${url} (${health.reason}).`,
      'Nothing was tested; this is not a pass.',
      'Start the stack with `GF_ADMIN_PASSWORD=… docker compose up -d --build` (docs/provisioning.md) or `npm run demo`, or set GRAFANA_URL to your',
      "Grafana with this repository's plugins and provisioning, then run `npm run test:e2e` again.",
      '',
    ].join('\n')
  );
  process.exit(NOT_RUN);
}

console.log(`Grafana ${health.version} at ${url}: running tests/e2e`);
const run = spawnSync(
  process.execPath,
  [
    join(ROOT, 'node_modules/@playwright/test/cli.js'),
    'test',
    '--config',
    join(ROOT, 'tests/e2e/playwright.config.ts'),
    ...process.argv.slice(2),
  ],
  { cwd: ROOT, stdio: 'inherit', env: { ...process.env, GRAFANA_URL: url, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } }
);
process.exit(run.status ?? 1);
