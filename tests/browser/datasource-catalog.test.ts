// The built datasource's query editor in the plugin host, in real Chromium, against the real aggregator: its lists
// come from GET /v1/catalog through the datasource proxy, so a topic the city adds with its configuration file is in
// the topic filter's picker of the next editor opened, with the same plugin build (no rebuild).
import { describe, test, beforeAll, afterAll } from '@jest/globals';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

import { applyCityFile } from '../../backend/city/apply.ts';
import { readCityFile } from '../../backend/city/check-file.ts';
import { ROOT_DIR } from '../host/webpack.config.ts';
import { startBrowserEnv, unexpectedErrors, type BrowserEnv, type HostPage } from '../support/browser.ts';

const DS = 'services360-requests';
// The picker's loading spinner: an icon @grafana/ui's package does not ship (Grafana's server has it), so the host has none.
const SPINNER_ICON = [/icons\/unicons\/spinner\.svg/];
const NEW_TOPIC = {
  code: 'waste.graffiti',
  name: { en: 'Graffiti on a wall', ar: 'كتابات على الجدران' },
  department: 'waste',
  default_priority: 'low',
};

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => {
  await env?.stop();
});

/** A fresh page (a dashboard opened anew: a new datasource instance) with the query editor filtering by topic. */
async function topicPicker(language: 'en' | 'ar'): Promise<HostPage> {
  const hp = await env.newPage();
  await hp.open();
  const view = await hp.page.evaluate(
    ({ uid, language }) =>
      window.__host.renderQueryEditor(uid, {
        refId: 'A',
        queryType: 'metrics',
        metric: 'received',
        groupBy: [],
        filters: { topic: [] },
        format: 'time_series',
        language,
        schemaVersion: 2,
      }),
    { uid: DS, language }
  );
  await hp.page.locator(view.selector).locator('#s360-A-filter-topic').click();
  return hp;
}

describe("the query editor's lists come from the aggregator's catalogue", () => {
  test('a topic added with the city file is offered by the next editor, in English and Arabic, same build', async () => {
    const first = await topicPicker('en');
    await first.page
      .getByRole('option', { name: /Building permit/ })
      .first()
      .waitFor();
    assert.equal(await first.page.getByRole('option', { name: /Graffiti on a wall/ }).count(), 0);
    const asked = await first.page.evaluate(() =>
      window.__host.requests.filter((r) => r.url.includes('/v1/catalog')).map((r) => [r.url, r.status])
    );
    assert.deepEqual(asked[0], [`api/datasources/proxy/uid/${DS}/aggregator/v1/catalog`, 200]);
    await first.page.close();

    const city = parse(readFileSync(join(ROOT_DIR, 'config/cities/dubai.yaml'), 'utf8'));
    city.topics.push(NEW_TOPIC);
    const { applied } = await applyCityFile(
      env.aggregator!.db.pool,
      readCityFile(stringify(city), 'city.yaml'),
      'city.yaml'
    );
    assert.equal(applied, true);

    for (const [language, name] of [
      ['en', NEW_TOPIC.name.en],
      ['ar', NEW_TOPIC.name.ar],
    ] as const) {
      const hp = await topicPicker(language);
      await hp.page.keyboard.type(language === 'en' ? 'Graffiti' : 'كتابات');
      await hp.page.getByRole('option', { name }).waitFor();
      await hp.page.getByRole('option', { name }).click();
      await hp.page.waitForFunction(
        (code) => (window.__host.queryEditor()?.current.filters as Record<string, string[]>)?.topic?.includes(code),
        NEW_TOPIC.code
      );
      assert.deepEqual(unexpectedErrors(hp.errors, SPINNER_ICON), []);
      await hp.page.close();
    }
  });
});
