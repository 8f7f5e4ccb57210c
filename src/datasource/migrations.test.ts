import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { MIGRATIONS, migrateQuery, needsMigration } from './migrations.ts';
import { DEFAULT_QUERY, QUERY_SCHEMA_VERSION } from './types.ts';

describe('migrateQuery', () => {
  test('the steps are numbered 1, 2, … up to the current version, each with a description', () => {
    assert.deepEqual(
      MIGRATIONS.map((m) => m.to),
      Array.from({ length: QUERY_SCHEMA_VERSION }, (_, i) => i + 1)
    );
    for (const m of MIGRATIONS) {
      assert.ok(m.description.length > 10);
    }
  });

  test('an unversioned draft is upgraded: comma text to lists, lang to language, timeseries to time_series, topN to a number', () => {
    const old = {
      refId: 'B',
      metric: 'recurring_topics',
      groupBy: 'zone, channel,bogus',
      filters: { zone: '332,333', channel: ['whatsapp'], nope: 'x' },
      lang: 'ar',
      format: 'timeseries',
      topN: '5',
    };
    assert.deepEqual(migrateQuery(old), {
      queryType: 'metrics',
      refId: 'B',
      metric: 'recurring_topics',
      groupBy: ['zone', 'channel'],
      filters: { zone: ['332', '333'], channel: ['whatsapp'] },
      language: 'ar',
      format: 'time_series',
      topN: 5,
      schemaVersion: QUERY_SCHEMA_VERSION,
    });
  });

  test('step 2: a query saved before the request kind (version 1, no queryType) stays a metric query', () => {
    const v1 = {
      refId: 'A',
      metric: 'backlog',
      groupBy: ['zone'],
      filters: { zone: ['$zone'] },
      format: 'table',
      schemaVersion: 1,
    };
    const migrated = migrateQuery(v1);
    assert.equal(migrated.queryType, 'metrics');
    assert.equal(migrated.metric, 'backlog');
    assert.equal(migrated.schemaVersion, 2);
    assert.equal('reference' in migrated, false);
  });

  test('step 2 on its own: no queryType or an unknown one becomes metrics; request and annotations are kept', () => {
    const step = MIGRATIONS.find((m) => m.to === 2)!;
    assert.equal(step.up({ refId: 'A' }).queryType, 'metrics');
    assert.equal(step.up({ refId: 'A', queryType: 'logs' }).queryType, 'metrics');
    assert.equal(step.up({ refId: 'A', queryType: 'request', reference: '$reference' }).queryType, 'request');
    assert.equal(step.up({ refId: 'A', queryType: 'annotations' }).queryType, 'annotations');
    const frozen = Object.freeze({ refId: 'A' });
    step.up(frozen);
    assert.equal('queryType' in frozen, false, 'the step does not mutate its input');
  });

  test('a request query keeps its kind and reference, and gets the metric defaults it does not use', () => {
    const migrated = migrateQuery({
      refId: 'R',
      queryType: 'request',
      reference: '$reference',
      language: '$language',
      schemaVersion: 2,
    });
    assert.equal(migrated.queryType, 'request');
    assert.equal(migrated.reference, '$reference');
    assert.equal(migrated.language, '$language');
    assert.deepEqual([migrated.metric, migrated.groupBy, migrated.filters], ['received', [], {}]);
  });

  test('a request query saved without a reference gets an empty one', () => {
    assert.equal(migrateQuery({ refId: 'R', queryType: 'request' }).reference, '');
  });

  test('a current query comes back equal (apart from nothing)', () => {
    const current = {
      ...DEFAULT_QUERY,
      refId: 'A',
      metric: 'backlog',
      groupBy: ['zone' as const],
      filters: { zone: ['$zone'] },
      language: 'en',
    };
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
