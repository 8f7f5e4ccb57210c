import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { categoryPalette, humanize, MAX_CLASSES } from './palette.ts';

const classic = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10', 'c11', 'c12'];
const resolve = (c: string) => `#${c}`;

describe('categoryPalette', () => {
  test('SLA states have fixed meanings: breached is red', () => {
    const p = categoryPalette('sla_state', [], classic, resolve);
    assert.equal(p.colorOf(p.classOf('breached')), '#red');
    assert.equal(p.colorOf(p.classOf('met')), '#green');
  });

  test('a known domain keeps its order whatever the data holds', () => {
    const p = categoryPalette('category', ['complaint'], classic, resolve);
    assert.equal(p.values[0], 'inquiry');
    assert.equal(p.classOf('complaint'), 3);
  });

  test('other fields: the most frequent values, sorted, each a palette colour; the rest are "other"', () => {
    const seen = ['b', 'a', 'b', 'c', ...Array.from({ length: 20 }, (_, i) => `rare${i}`)];
    const p = categoryPalette('topic', seen, classic, resolve, '#other');
    assert.equal(p.values.length, MAX_CLASSES);
    assert.ok(p.values.includes('a') && p.values.includes('b'));
    assert.equal(p.colorOf(p.classOf('never-seen')), '#other');
  });

  test('humanize', () => assert.equal(humanize('service_request'), 'Service request'));
});
