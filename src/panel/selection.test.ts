import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { ALL, clearUpdate, clickUpdate, filtersOnVariable, selectedZone } from './selection.ts';

const vars = (value: unknown) => [
  { name: 'zone', current: { value } },
  { name: 'channel', current: { value: 'web' } },
];

describe('drill-down selection', () => {
  test('one zone in the variable is the selection; All, several or nothing is none', () => {
    assert.equal(selectedZone({}, vars('332'), 'zone'), '332');
    assert.equal(selectedZone({}, vars(['332']), '$zone'), '332');
    assert.equal(selectedZone({}, vars([ALL]), 'zone'), null);
    assert.equal(selectedZone({}, vars(['1', '2']), 'zone'), null);
    assert.equal(selectedZone({}, vars(''), 'zone'), null);
    assert.equal(selectedZone({}, vars('332'), ''), null);
    assert.equal(selectedZone({}, [], 'zone'), null);
    assert.equal(selectedZone({ 'var-zone': '400' }, vars('332'), 'zone'), '400', 'the URL first');
    assert.equal(selectedZone({ 'var-zone': ALL }, vars('332'), 'zone'), null);
  });

  test('a click selects the zone; a second click on it clears the selection', () => {
    assert.deepEqual(clickUpdate('zone', null, '332'), { 'var-zone': '332' });
    assert.deepEqual(clickUpdate('zone', '100', '332'), { 'var-zone': '332' });
    assert.deepEqual(clickUpdate('${zone}', '332', '332'), { 'var-zone': ALL });
    assert.equal(clickUpdate('', null, '332'), null);
    assert.deepEqual(clearUpdate('zone'), { 'var-zone': ALL });
  });

  test('a query filtering on the variable the click sets is found; other variables are not', () => {
    assert.ok(filtersOnVariable([{ filters: { zone: ['$zone'] } }], 'zone'));
    assert.ok(filtersOnVariable([{ q: 'x=${zone:csv}' }], 'zone'));
    assert.ok(filtersOnVariable([{ q: '[[zone]]' }], 'zone'));
    assert.ok(!filtersOnVariable([{ filters: { zone: ['$zones'], channel: ['$channel'] } }], 'zone'));
    assert.ok(!filtersOnVariable([{ filters: { channel: ['$channel'] } }], 'zone'));
    assert.ok(!filtersOnVariable(undefined, 'zone'));
  });
});
