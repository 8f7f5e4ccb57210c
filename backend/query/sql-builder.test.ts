// The query builder: whitelisted columns and generated conditions in the slots, every value bound by name.
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { buildAggregateQuery, buildWarningsQuery } from './sql-builder.ts';
import type { Segment } from './plan.ts';

const DAY = 86_400_000;
const from = Date.UTC(2026, 0, 1);
const segments: Segment[] = [
  { level: 'day', lo: from, hi: from + 2 * DAY },
  { level: 'state', lo: from + 2 * DAY, hi: from + 2 * DAY + 3_600_000 },
];
const hostile = "x') OR true; DROP TABLE requests; --";
const base = {
  segments,
  cube: 3,
  from,
  to: from + 2 * DAY + 3_600_000,
  groupBy: ['channel' as const],
  bucket: { kind: 'calendar' as const, unit: 'day' as const },
  timeZone: "Asia/Dubai'; --",
  pending: true,
  rowLimit: 100,
};

test('a filter value, a time zone and the instants are bound, never written into the text', () => {
  const q = buildAggregateQuery('sums', { ...base, filters: { channel: [hostile, null], zone: [4] } });
  assert.ok(!q.text.includes('DROP') && !q.text.includes('Asia/Dubai') && !q.text.includes('2026-'), q.text);
  assert.ok(q.values.some((v) => Array.isArray(v) && v.includes(hostile)));
  assert.ok(q.values.includes("Asia/Dubai'; --"));
  assert.equal(q.values.filter((v) => v === 101).length, 1, 'rows to read: the limit + 1, once');
});

test('every parameter of the text has its value, and a filter used in two places is one parameter', () => {
  const q = buildAggregateQuery('hist', { ...base, histKind: 'fr', filters: { topic: ['t1'] } });
  const numbers = new Set([...q.text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
  assert.deepEqual(
    [...numbers].sort((a, b) => a - b),
    q.values.map((_v, i) => i + 1)
  );
  assert.equal(q.values.filter((v) => Array.isArray(v) && v[0] === 't1').length, 1);
  assert.match(q.text, /r\.topic = ANY\(\$(\d+)::text\[\]\)[\s\S]*s\.topic = ANY\(\$\1::text\[\]\)/);
});

test('a dimension with a null value also matches the missing column; columns come from the whitelist', () => {
  const q = buildWarningsQuery({ ...base, filters: { zone: [null, 7] } });
  assert.match(q.text, /\(s\.zone_id = ANY\(\$\d+::int\[\]\) OR s\.zone_id IS NULL\)/);
  assert.match(q.text, /s\.channel,\s+count\(\*\)/);
  assert.throws(() => buildWarningsQuery({ ...base, groupBy: ['channel; DROP' as 'channel'], filters: {} }));
});
