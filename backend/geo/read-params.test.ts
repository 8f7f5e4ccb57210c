import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { ValidationError } from '../http/errors.ts';
import {
  multi,
  parseChoice,
  parseInstant,
  parseInteger,
  parseLanguage,
  parseTimeRange,
  rejectUnknown,
} from './read-params.ts';

const pathOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof ValidationError);
    return err.details.map((d) => d.path);
  }
  assert.fail('did not throw');
};

test('instants: epoch milliseconds or ISO 8601 with a zone; nothing else', () => {
  assert.equal(parseInstant('1764374400000')?.toISOString(), '2025-11-29T00:00:00.000Z');
  assert.equal(parseInstant('2026-11-29T10:00:00+04:00')?.toISOString(), '2026-11-29T06:00:00.000Z');
  assert.equal(parseInstant('2026-11-29')?.toISOString(), '2026-11-29T00:00:00.000Z');
  for (const bad of [
    'yesterday',
    'now-30d',
    '2026-13-45T00:00:00Z',
    "1' OR '1'='1",
    '',
    '2026-11-29T10:00:00',
    '2026-02-30T00:00:00Z',
    '2026-02-30',
    '0001-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '999999999999999',
  ]) {
    assert.throws(
      () => parseInstant(bad, 'to'),
      (e: any) => e.status === 400 && e.details[0].path === 'query.to',
      bad
    );
  }
});

test('the time range defaults to the last N days up to now and must run forwards', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  assert.deepEqual(parseTimeRange({}, 30, now), { from: new Date('2026-10-30T12:00:00Z'), to: now });
  assert.deepEqual(parseTimeRange({ to: '2026-06-30T00:00:00Z' }, 10, now), {
    from: new Date('2026-06-20T00:00:00Z'),
    to: new Date('2026-06-30T00:00:00Z'),
  });
  assert.deepEqual(
    pathOf(() => parseTimeRange({ from: '2026-06-30T00:00:00Z', to: '2026-06-01T00:00:00Z' }, 30, now)),
    ['query.from']
  );
  assert.deepEqual(
    pathOf(() => parseTimeRange({ from: 'x', to: 'y' }, 30, now)),
    ['query.to', 'query.from']
  );
  assert.deepEqual(
    pathOf(() => parseTimeRange({ from: ['1', '2'] }, 30, now)),
    ['query.from']
  );
});

test('several values: repeated or comma-separated, blanks dropped', () => {
  assert.deepEqual(multi({ channel: ['a', 'b,c'] }, 'channel'), ['a', 'b', 'c']);
  assert.deepEqual(multi({ channel: ' a , ,b' }, 'channel'), ['a', 'b']);
  assert.deepEqual(multi({}, 'channel'), []);
});

test('unknown parameters, languages, integers and choices are refused by name', () => {
  assert.deepEqual(
    pathOf(() => rejectUnknown({ zoom: '1', zooom: '2' }, ['zoom'])),
    ['query.zooom']
  );
  assert.equal(parseLanguage({ language: 'ar' }), 'ar');
  assert.equal(parseLanguage({}), 'en');
  assert.deepEqual(
    pathOf(() => parseLanguage({ language: 'fr' })),
    ['query.language']
  );
  assert.equal(parseInteger({ topN: '5' }, 'topN', 1, 10, 3), 5);
  assert.equal(parseInteger({}, 'topN', 1, 10, 3), 3);
  for (const bad of ['0', '11', '2.5', '1e1', ' 5']) {
    assert.deepEqual(
      pathOf(() => parseInteger({ topN: bad }, 'topN', 1, 10, 3)),
      ['query.topN'],
      bad
    );
  }
  assert.equal(parseChoice({ kind: 'community' }, 'kind', ['all', 'community'] as const, 'all'), 'community');
  assert.deepEqual(
    pathOf(() => parseChoice({ kind: 'park' }, 'kind', ['all', 'community'] as const, 'all')),
    ['query.kind']
  );
});
