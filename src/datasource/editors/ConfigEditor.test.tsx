// The config editor rendered with the real @grafana/ui in jsdom.
import { describe, test, afterEach } from '@jest/globals';
import assert from 'node:assert/strict';

import { render, typeInto, click, createElement } from '../../test-support/render.ts';
import { ConfigEditor } from './ConfigEditor.tsx';
type Settings = import('./config-changes.ts').Settings;

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup) {
    await c();
  }
  cleanup = [];
});

const base = (over: Partial<Settings> = {}): Settings =>
  ({
    id: 1,
    uid: 'u',
    name: 'S360',
    type: 'services360-requests-datasource',
    access: 'proxy',
    jsonData: { url: 'http://aggregator:8080' },
    secureJsonFields: {},
    ...over,
  }) as Settings;

async function editor(options: Settings) {
  const changes: Settings[] = [];
  const r = await render(
    createElement(ConfigEditor as never, { options, onOptionsChange: (o: Settings) => changes.push(o) })
  );
  cleanup.push(r.unmount);
  return {
    r,
    changes,
    input: (label: string) => r.container.querySelector(`input[aria-label="${label}"]`) as HTMLInputElement,
  };
}

describe('ConfigEditor', () => {
  test('typing the aggregator URL stores it in jsonData.url', async () => {
    const { input, changes } = await editor(base({ jsonData: {} }));
    await typeInto(input('Aggregator URL'), 'http://localhost:8080');
    assert.equal(changes.at(-1)?.jsonData.url, 'http://localhost:8080');
  });

  test('a URL that cannot work is explained under the field', async () => {
    const { r } = await editor(base({ jsonData: { url: 'aggregator' } }));
    assert.match(r.container.textContent ?? '', /Not a URL/);
  });

  test('the token is typed into a secret input and stored in secureJsonData', async () => {
    const { input, changes } = await editor(base());
    const token = input('API token');
    assert.equal(token.type, 'password');
    await typeInto(token, 's360_abc');
    assert.equal(changes.at(-1)?.secureJsonData?.apiToken, 's360_abc');
    assert.equal(JSON.stringify(changes.at(-1)?.jsonData).includes('s360_abc'), false);
  });

  test('a configured token shows "configured" and Reset clears it', async () => {
    const { r, changes } = await editor(base({ secureJsonFields: { apiToken: true } }));
    assert.equal((r.container.querySelector('input[aria-label="API token"]') as HTMLInputElement).value, 'configured');
    const reset = [...r.container.querySelectorAll('button')].find((b) => b.textContent === 'Reset')!;
    await click(reset);
    assert.equal(changes.at(-1)?.secureJsonFields.apiToken, false);
  });

  test('choosing Arabic stores the default language', async () => {
    const { r, changes } = await editor(base());
    const radios = [...r.container.querySelectorAll('input[type="radio"]')] as HTMLInputElement[];
    assert.deepEqual(
      radios.map((x) => x.checked),
      [true, false]
    );
    await click(radios[1]);
    assert.equal(changes.at(-1)?.jsonData.defaultLanguage, 'ar');
  });
});
