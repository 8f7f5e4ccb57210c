import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { buildDate, findPlugins, stamp } from '../../webpack/plugins.ts';

describe('webpack/plugins.ts', () => {
  test('stamp replaces every %VERSION% and %TODAY%', () => {
    assert.equal(stamp('"%VERSION%" "%TODAY%" %VERSION%', '1.2.3', '2026-11-19'), '"1.2.3" "2026-11-19" 1.2.3');
  });

  test('buildDate follows SOURCE_DATE_EPOCH when set, else today', () => {
    assert.equal(buildDate({ SOURCE_DATE_EPOCH: '1795000000' }), '2026-11-18');
    // The clock read on both sides of the call: read once after it, a UTC midnight between the two readings failed it.
    const utcDay = () => new Date().toISOString().slice(0, 10);
    const [before, built, after] = [utcDay(), buildDate({}), utcDay()];
    assert.ok(built === before || built === after, `${built}: neither ${before} nor ${after}`);
  });

  test('finds the app first, then the nested datasource and panel, each with its module and output folder', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const found = findPlugins(root).map((p) => [p.json.id, p.out, p.entry.slice(root.length)]);
    assert.deepEqual(found, [
      ['services360-app', 'dist', 'src/module.ts'],
      ['services360-requests-datasource', 'dist/datasource', 'src/datasource/module.ts'],
      ['services360-zonemap-panel', 'dist/panel', 'src/panel/module.ts'],
    ]);
  });
});
