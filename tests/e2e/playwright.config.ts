// The real-Grafana suite (npm run test:e2e → tests/e2e/run.ts): @grafana/plugin-e2e against a running Grafana
// with this repository's plugins and provisioning (docker compose up). GRAFANA_URL (default
// http://127.0.0.1:3000) and GRAFANA_ADMIN_USER / GRAFANA_ADMIN_PASSWORD point it there (the password defaults to
// GF_ADMIN_PASSWORD, the compose stack's, else the one npm run demo generated in .demo/grafana-admin.env).
// Chromium: /usr/bin/chromium when present (S360_CHROMIUM to choose another), else Playwright's own
// (`npx playwright install chromium` once). Not part of `npm test`: it needs a Grafana server.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import type { PluginOptions } from '@grafana/plugin-e2e';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '../..');
const chromium = process.env.S360_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const demoPassword = () => {
  const file = join(ROOT, '.demo/grafana-admin.env');
  return existsSync(file) ? /^GF_ADMIN_PASSWORD=(.*)$/m.exec(readFileSync(file, 'utf8'))?.[1] : undefined;
};
const password = process.env.GRAFANA_ADMIN_PASSWORD ?? process.env.GF_ADMIN_PASSWORD ?? demoPassword();
if (!password) {
  throw new Error(
    "set GRAFANA_ADMIN_PASSWORD (Grafana's admin password: the compose stack's GF_ADMIN_PASSWORD, or .demo/grafana-admin.env after npm run demo)"
  );
}
const admin = { user: process.env.GRAFANA_ADMIN_USER ?? 'admin', password };

export default defineConfig<PluginOptions>({
  testDir: HERE,
  testMatch: /.*\.spec\.ts$/,
  outputDir: join(ROOT, 'tmp/e2e-results'),
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: process.env.GRAFANA_URL ?? 'http://127.0.0.1:3000',
    provisioningRootDir: join(ROOT, 'provisioning'),
    user: admin,
    grafanaAPICredentials: admin,
    trace: 'retain-on-failure',
    launchOptions: chromium
      ? { executablePath: chromium, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'] }
      : {},
  },
  projects: [
    {
      // plugin-e2e's login step: stores the admin session in playwright/.auth/admin.json.
      name: 'auth',
      testDir: join(ROOT, 'node_modules/@grafana/plugin-e2e/dist/auth'),
      testMatch: [/.*\.js/],
    },
    {
      name: 'provisioned',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1920, height: 1080 },
        storageState: 'playwright/.auth/admin.json',
      },
      dependencies: ['auth'],
    },
  ],
});
