import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { INCLUDED_PLUGINS, installedRows } from './included.ts';

const json = (p: string) => JSON.parse(readFileSync(new URL(p, import.meta.url), 'utf8'));

describe('included plugins', () => {
  test("the app's includes name the nested datasource and panel with their plugin.json names", () => {
    const app = json('../plugin.json');
    for (const p of INCLUDED_PLUGINS) {
      assert.ok(
        app.includes.some((i: { type: string; name: string }) => i.type === p.type && i.name === p.name),
        `${p.id} is in the app's includes`
      );
      const nested = new URL(`../${p.type}/plugin.json`, import.meta.url);
      if (p.type === 'panel' && !existsSync(nested)) {
        continue;
      } // the panel is written separately
      const meta = json(`../${p.type}/plugin.json`);
      assert.equal(meta.id, p.id);
      assert.equal(meta.name, p.name);
      assert.equal(meta.type, p.type);
    }
  });

  test('installedRows: a panel is installed when Grafana lists it; a datasource lists its instances', () => {
    const rows = installedRows({}, [
      { name: 'B', type: 'services360-requests-datasource' },
      { name: 'A', type: 'services360-requests-datasource' },
    ]);
    assert.deepEqual(
      rows.map((r) => [r.id, r.installed, r.instances]),
      [
        ['services360-requests-datasource', true, ['A', 'B']],
        ['services360-zonemap-panel', false, []],
      ]
    );
  });
});
