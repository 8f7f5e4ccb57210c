import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { indexReference, type ReferenceData } from '../domain/reference.ts';
import { changePct, previousPeriod, rankTopics } from './topic-trends.ts';

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

test("halves round away from zero, as PostgreSQL's round", () => {
  assert.equal(changePct(351, 400), -12.3);
  assert.equal(changePct(449, 400), 12.3);
  assert.equal(changePct(4, 4), 0);
});

const ref = indexReference({
  channels: [],
  categories: [],
  statuses: [],
  stages: [],
  advisors: [],
  zones: [],
  departments: [{ code: 'waste', name_en: 'Waste', name_ar: 'النفايات', calendar_code: 'field' }],
  topics: ['bin', 'dumping', 'litter', 'noise'].map((code) => ({
    code,
    name_en: `Topic ${code}`,
    name_ar: `موضوع ${code}`,
    department_code: 'waste',
  })),
} as unknown as ReferenceData);
const counts = (entries: Array<[string, number]>) => new Map(entries);

test('most requests first; ties by the larger rise, none last, then by code', () => {
  const rows = rankTopics(
    counts([
      ['noise', 5],
      ['litter', 5],
      ['dumping', 5],
      ['bin', 9],
    ]),
    counts([
      ['noise', 5],
      ['litter', 1],
    ]),
    10,
    ref,
    'en'
  );
  assert.deepEqual(
    rows.map((r) => [r.topic_code, r.count, r.previous_count, r.change_pct]),
    [
      ['bin', 9, 0, null],
      ['litter', 5, 1, 400],
      ['noise', 5, 5, 0],
      ['dumping', 5, 0, null],
    ]
  );
});

test('topics without requests now, or unknown to the reference data, are left out; at most topN', () => {
  const rows = rankTopics(
    counts([
      ['bin', 3],
      ['litter', 0],
      ['retired.gone', 7],
      ['noise', 2],
    ]),
    counts([['litter', 4]]),
    1,
    ref,
    'en'
  );
  assert.deepEqual(
    rows.map((r) => r.topic_code),
    ['bin']
  );
});

test("names in the language, with the topic's department", () => {
  const [row] = rankTopics(counts([['bin', 1]]), counts([]), 5, ref, 'ar');
  assert.deepEqual(row, {
    topic_code: 'bin',
    topic: 'موضوع bin',
    department_code: 'waste',
    department: 'النفايات',
    count: 1,
    previous_count: 0,
    change_pct: null,
  });
});
