import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MIGRATIONS, migrateQuery, needsMigration } from './migrations.ts';
import { DEFAULT_QUERY, QUERY_SCHEMA_VERSION } from './types.ts';

describe('migrateQuery', () => {
  test('the steps are numbered 1, 2, … up to the current version, each with a description', () => {
    assert.deepEqual(MIGRATIONS.map((m) => m.to), Array.from({ length: QUERY_SCHEMA_VERSION }, (_, i) => i + 1));
    for (const m of MIGRATIONS) assert.ok(m.description.length > 10);
  });

  test('an unversioned draft is upgraded: comma text to lists, lang to language, timeseries to time_series, topN to a number', () => {
    const old = { refId: 'B', metric: 'recurring_topics', groupBy: 'zone, channel,bogus', filters: { zone: '332,333', channel: ['whatsapp'], nope: 'x' }, lang: 'ar', format: 'timeseries', topN: '5' };
    assert.deepEqual(migrateQuery(old), {
      queryType: 'metrics',
      refId: 'B',
      metric: 'recurring_topics',
      groupBy: ['zone', 'channel'],
      filters: { zone: ['332', '333'], channel: ['whatsapp'] },
      language: 'ar',
      format: 'time_series',
      topN: 5,
      schemaVersion: 1,
    });
  });

  test('a current query comes back equal (apart from nothing)', () => {
    const current = { ...DEFAULT_QUERY, refId: 'A', metric: 'backlog', groupBy: ['zone' as const], filters: { zone: ['$zone'] }, language: 'en' };
    assert.deepEqual(migrateQuery(current), current);
  });

  test('an empty new query gets DEFAULT_QUERY', () => {
    assert.deepEqual(migrateQuery({ refId: 'A' }), { ...DEFAULT_QUERY, refId: 'A' });
  });

  test('never mutates its input', () => {
    const old = Object.freeze({ refId: 'A', groupBy: 'zone', filters: Object.freeze({ zone: '1' }), lang: 'en' });
    migrateQuery(old);
    assert.equal(old.groupBy, 'zone');
  });

  test('a text topN that is not a positive whole number is dropped (the default applies)', () => {
    assert.equal(migrateQuery({ refId: 'A', topN: 'ten' } as never).topN, undefined);
  });

  test('needsMigration is true below the current version only', () => {
    assert.equal(needsMigration({}), true);
    assert.equal(needsMigration({ schemaVersion: QUERY_SCHEMA_VERSION }), false);
  });
});
