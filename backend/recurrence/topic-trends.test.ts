import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changePct, previousPeriod } from './topic-trends.ts';

test('the previous period has the same length and ends where the range starts', () => {
  const range = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-11T00:00:00Z') };
  assert.deepEqual(previousPeriod(range), { from: new Date('2026-02-19T00:00:00Z'), to: range.from });
});

test('change in % with one decimal; null without a previous count', () => {
  assert.equal(changePct(6, 4), 50);
  assert.equal(changePct(2, 4), -50);
  assert.equal(changePct(1, 3), -66.7);
  assert.equal(changePct(3, 0), null);
  assert.equal(changePct(0, 5), -100);
});
