import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { DEFAULT_QUERY, type S360Query } from '../types.ts';
import {
  withFilter,
  withFormat,
  withGroupBy,
  withInterval,
  withLanguage,
  withMetric,
  withoutFilter,
  withQueryType,
  withReference,
  withTopN,
} from './query-changes.ts';

const q = (over: Partial<S360Query> = {}): S360Query => ({ ...DEFAULT_QUERY, refId: 'A', ...over });

describe('query editor changes', () => {
  test('choosing a table-only metric switches to table; recurring topics get top 10', () => {
    assert.equal(withMetric(q(), 'hotspots').format, 'table');
    const r = withMetric(q(), 'recurring_topics');
    assert.equal(r.format, 'table');
    assert.equal(r.topN, 10);
    assert.equal(withMetric(q({ topN: 3 }), 'recurring_topics').topN, 3);
    assert.equal(withMetric(q(), 'backlog').format, 'time_series');
  });

  test('the format cannot leave table for a table-only metric', () => {
    assert.equal(withFormat(q({ metric: 'hotspots', format: 'table' }), 'time_series').format, 'table');
    assert.equal(withFormat(q(), 'table').format, 'table');
  });

  test('group-by drops repeats', () => {
    assert.deepEqual(withGroupBy(q(), ['zone', 'channel', 'zone']).groupBy, ['zone', 'channel']);
  });

  test('filters: values trimmed and unique, an emptied filter stays (meaning all) until removed', () => {
    const f = withFilter({}, 'zone', [' 332', '332', '', '$zone']);
    assert.deepEqual(f, { zone: ['332', '$zone'] });
    assert.deepEqual(withFilter(f, 'zone', []), { zone: [] });
    assert.deepEqual(withoutFilter(f, 'zone'), {});
  });

  test('language: a choice is stored, the default is stored as nothing', () => {
    assert.equal(withLanguage(q(), 'ar').language, 'ar');
    assert.equal('language' in withLanguage(q({ language: 'ar' }), undefined), false);
  });

  test('top N and interval from text inputs', () => {
    assert.equal(withTopN(q(), '7').topN, 7);
    assert.equal(withTopN(q(), '-1').topN, 10);
    assert.equal(withInterval(q(), ' 1d ').interval, '1d');
    assert.equal('interval' in withInterval(q({ interval: '1d' }), ''), false);
  });

  test('kind: request gets an empty reference; switching back to metrics keeps the metric fields and the reference', () => {
    const asked = withQueryType(q({ metric: 'backlog', groupBy: ['zone'] }), 'request');
    assert.deepEqual(
      [asked.queryType, asked.reference, asked.metric, asked.groupBy],
      ['request', '', 'backlog', ['zone']]
    );
    const back = withQueryType({ ...asked, reference: 'S360-000000042' }, 'metrics');
    assert.deepEqual([back.queryType, back.metric, back.reference], ['metrics', 'backlog', 'S360-000000042']);
    assert.equal(withQueryType(q({ reference: '$reference' }), 'request').reference, '$reference');
  });

  test('reference from the text input, trimmed', () => {
    assert.equal(withReference(q(), '  $reference ').reference, '$reference');
  });
});
