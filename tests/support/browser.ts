// Browser tests' environment: the plugin host (cached build + server) in real Chromium (playwright-core,
// /usr/bin/chromium, a fresh profile removed after), against a real aggregator on a fresh PostGIS database,
// with the environment the provisioning YAML reads (S360_AGGREGATOR_URL, S360_API_TOKEN, S360_PII_API_TOKEN).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

import '../host/api.ts';
import { ensureHostBuild, type HostBuild } from '../host/build.ts';
import { startHostServer, type HostServer } from '../host/server.ts';
import { FIXTURES_DIR, ROOT_DIR } from '../host/webpack.config.ts';
import type { Env } from '../host/server/provisioning.ts';
import { startTestAggregator, type TestAggregator } from './aggregator.ts';
import type { Config } from '../../backend/config.ts';

export const CHROMIUM = process.env.S360_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/**
 * `S360_BROWSER_CPU_THROTTLE=N` slows every page's CPU N times (Chromium's own CPU throttling, as DevTools'
 * "Performance" panel does): the browser tests must wait on conditions, never on time, and pass either way.
 */
export const CPU_THROTTLE = cpuThrottle(process.env.S360_BROWSER_CPU_THROTTLE);

export function cpuThrottle(value: string | undefined): number {
  if (value === undefined || value === '') {
    return 1;
  }
  const rate = Number(value);
  if (!Number.isFinite(rate) || rate < 1) {
    throw new Error(`S360_BROWSER_CPU_THROTTLE: expected a number ≥ 1, got "${value}"`);
  }
  return rate;
}

/**
 * Under `scripts/test-at-date.sh` this process, the aggregator and PostgreSQL run on a moved clock (libfaketime,
 * `FAKETIME`). Chromium is not preloaded with it (it stalls there): each page's clock is set to this process's
 * instead (Playwright's clock, which keeps ticking), so "now" in the page is "now" in the aggregator.
 */
const MOVED_CLOCK = !!process.env.FAKETIME;

/** The host fixture plugins' provisioning (a datasource of the fixture type), for the host's own tests. */
export const FIXTURE_PROVISIONING = join(FIXTURES_DIR, 'provisioning');

export type HostPage = {
  page: Page;
  /** Console errors, uncaught page errors and failed requests, in order. */
  errors: string[];
  /** Opens a host page path (default /) and waits for window.__host. */
  open: (path?: string) => Promise<void>;
};

export type BrowserEnv = {
  build: HostBuild;
  host: HostServer;
  aggregator: TestAggregator | null;
  context: BrowserContext;
  /** The environment the provisioning files were read with. */
  env: Env;
  newPage: () => Promise<HostPage>;
  /** Re-provisions with env changes (a wrong token, a dead URL); pages opened after see them. */
  setEnv: (changes: Env) => void;
  stop: () => Promise<void>;
};

/** `aggregatorConfig`: settings of the test aggregator that differ from the defaults. */
export async function startBrowserEnv(
  opts: { aggregator?: boolean; fixtures?: boolean; aggregatorConfig?: Partial<Config> } = {}
): Promise<BrowserEnv> {
  const build = await ensureHostBuild({ log: (l) => console.error(`[host] ${l}`) });
  const aggregator = opts.aggregator === false ? null : await startTestAggregator(opts.aggregatorConfig);
  const baseEnv: Env = {
    S360_AGGREGATOR_URL: aggregator?.url ?? (await closedPortUrl()),
    S360_API_TOKEN: aggregator?.tokens.read ?? '',
    S360_PII_API_TOKEN: aggregator?.tokens.pii ?? '',
  };
  let env = { ...baseEnv };
  const host = await startHostServer({
    bundleDir: build.dir,
    env,
    provisioning: [join(ROOT_DIR, 'provisioning'), ...(opts.fixtures ? [FIXTURE_PROVISIONING] : [])],
  });
  const profile = mkdtempSync(join(tmpdir(), 's360-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      ...(MOVED_CLOCK ? { env: { ...process.env, LD_PRELOAD: '', FAKETIME: '' } } : {}),
      viewport: { width: 1280, height: 900 },
    });
  } catch (err) {
    rmSync(profile, { recursive: true, force: true });
    await host.close();
    await aggregator?.stop();
    throw err;
  }

  const newPage = async (): Promise<HostPage> => {
    const page = await context.newPage();
    if (MOVED_CLOCK) {
      await page.clock.install({ time: Date.now() });
    }
    if (CPU_THROTTLE > 1) {
      await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
    }
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') {
        errors.push(`console.error: ${msg.text()}${msg.location().url ? ` (${msg.location().url})` : ''}`);
      }
    });
    page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
    page.on('requestfailed', (req) =>
      errors.push(`request failed: ${req.method()} ${req.url()} ${req.failure()?.errorText ?? ''}`)
    );
    const open = async (path = '/') => {
      await page.goto(host.url + path, { timeout: 90_000 }); // generous: a loaded 2-core machine, a throttled CPU
      await page.waitForFunction(
        () => window.__host?.ready || document.body.hasAttribute('data-host-boot-error'),
        undefined,
        { timeout: 60_000 }
      );
      const bootError = await page.evaluate(() => document.body.getAttribute('data-host-boot-error'));
      if (bootError) {
        throw new Error(`the plugin host failed to boot: ${bootError}`);
      }
    };
    return { page, errors, open };
  };

  return {
    build,
    host,
    aggregator,
    context,
    get env() {
      return env;
    },
    newPage,
    setEnv(changes) {
      env = { ...baseEnv, ...changes };
      host.reprovision(env);
    },
    async stop() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
      await host.close();
      await aggregator?.stop();
    },
  };
}

/** A URL on 127.0.0.1 where nothing listens (a port taken and released). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** Errors other than those a test expects (e.g. the browser's "Failed to load resource: 401" for a wrong token). */
export function unexpectedErrors(errors: string[], allowed: RegExp[] = []): string[] {
  return errors.filter((e) => !allowed.some((re) => re.test(e)));
}
