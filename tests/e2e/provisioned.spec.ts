// In a real Grafana with this repository's plugins and provisioning (docker compose up): the provisioned
// datasources pass their health checks, every provisioned dashboard loads and each of its panels shows data
// without an error, the app is enabled, and the provisioned alert rules evaluate through the alerting datasource.
// Run with `npm run test:e2e` (tests/e2e/run.ts refuses to report anything when no Grafana answers).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@grafana/plugin-e2e';
import { EDITIONS, LANGUAGES } from '../../provisioning/generate/language.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** Every language's dashboards: the English ones and their Arabic copies. */
const DIRS = LANGUAGES.map((lang) => join(ROOT, 'provisioning/dashboards', EDITIONS[lang].dir));
type Panel = { id: number; type: string; title: string; targets?: unknown[] };
type Dashboard = { uid: string; title: string; panels: Panel[] };
const DASHBOARDS: Dashboard[] = DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
);

// Grafana's e2e selectors (@grafana/e2e-selectors, components.Panels.Panel): the loading bar and the
// "No data" / error message of a panel.
const LOADING_BAR = 'Panel loading bar';
const DATA_ERROR = 'data-testid Panel data error message';

test.describe('provisioned datasources', () => {
  test('the Services 360 datasources pass their health check (aggregator reachable, token accepted)', async ({
    gotoDataSourceConfigPage,
    readProvisionedDataSource,
    page,
  }) => {
    for (const name of ['Services 360', 'Services 360 (personal data)']) {
      const ds = await readProvisionedDataSource({ fileName: 'services360.yaml', name });
      const configPage = await gotoDataSourceConfigPage(ds.uid);
      // A frontend datasource: its check is GET /v1/whoami through the proxy route. Provisioned datasources
      // are read-only, so the button is "Test" rather than "Save & test".
      const whoami = page.waitForResponse((r) =>
        r.url().includes(`/api/datasources/proxy/uid/${ds.uid}/aggregator/v1/whoami`)
      );
      await page.getByRole('button', { name: /^(Save & test|Test)$/ }).click();
      expect((await whoami).status()).toBe(200);
      await expect(configPage).toHaveAlert('success', { hasText: /Connected as/ });
    }
  });

  test('the alerting PostgreSQL datasource connects as the read-only login', async ({ request }) => {
    const res = await request.get('/api/datasources/uid/services360-alerting-pg/health');
    expect(res.ok(), await res.text()).toBeTruthy();
    expect((await res.json()).status).toBe('OK');
  });
});

test.describe('provisioned app', () => {
  test('services360-app is enabled', async ({ request }) => {
    const res = await request.get('/api/plugins/services360-app/settings');
    expect(res.ok()).toBeTruthy();
    expect((await res.json()).enabled).toBe(true);
  });
});

test.describe('provisioned dashboards', () => {
  for (const d of DASHBOARDS) {
    test(`${d.title} loads and every panel shows data`, async ({ gotoDashboardPage }) => {
      // The journey shows one request: open it on the first reference of the demo data.
      const queryParams = d.panels.some((p) =>
        p.targets?.some((t) => (t as { queryType?: string }).queryType === 'request')
      )
        ? new URLSearchParams({ 'var-reference': process.env.S360_E2E_REFERENCE ?? 'S360-000000001' })
        : undefined;
      const dashboardPage = await gotoDashboardPage({ uid: d.uid, queryParams });
      for (const p of d.panels) {
        const panel = dashboardPage.getPanelByTitle(p.title);
        await panel.scrollIntoView();
        await expect(panel.locator, `${d.uid} "${p.title}"`).toBeVisible();
        if (!p.targets?.length) {
          continue;
        } // the journey's text panel
        await expect(panel.locator.getByLabel(LOADING_BAR), `${d.uid} "${p.title}" finished loading`).toHaveCount(0);
        await expect(panel.getErrorIcon(), `${d.uid} "${p.title}" has no error`).toHaveCount(0);
        await expect(panel.locator.getByTestId(DATA_ERROR), `${d.uid} "${p.title}" has data`).toHaveCount(0);
      }
      await expect(dashboardPage).not.toHavePanelErrors();
    });
  }
});

test.describe('provisioned alert rules', () => {
  for (const title of [
    'On time below target',
    'Backlog over bound',
    'Spike of reports in a zone',
    'No request ingested for 15 minutes',
  ]) {
    test(`"${title}" evaluates through the alerting datasource`, async ({
      readProvisionedAlertRule,
      gotoAlertRuleEditPage,
    }) => {
      const rule = await readProvisionedAlertRule({ fileName: 'rules.yaml', ruleTitle: title });
      const editPage = await gotoAlertRuleEditPage(rule);
      await expect(editPage.evaluate()).toBeOK();
    });
  }
});
