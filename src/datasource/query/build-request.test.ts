import { describe, test } from '@jest/globals';
import assert from 'node:assert/strict';
import { TestTemplateSrv } from '../../test-support/template-srv.ts';
import type { S360Query } from '../types.ts';
import { buildQueryBodies, buildTarget, type RequestLike } from './build-request.ts';
import { durationToMs } from './duration.ts';

const tpl = new TestTemplateSrv([
  { name: 'zone', current: ['332', '333'], options: ['331', '332', '333'], multi: true },
  { name: 'channel', current: '$__all', options: ['whatsapp', 'website'], multi: true },
  { name: 'metric', current: 'closed' },
  { name: 'bucket', current: '1d' },
]);

const q = (over: Partial<S360Query> = {}): S360Query => ({
  refId: 'A',
  metric: 'received',
  groupBy: [],
  filters: {},
  format: 'time_series',
  ...over,
});

function request(targets: S360Query[], over: Partial<RequestLike> = {}): RequestLike {
  return {
    range: {
      from: Date.parse('2026-11-01T00:00:00Z'),
      to: Date.parse('2026-11-29T00:00:00Z'),
    } as unknown as RequestLike['range'],
    intervalMs: 3_600_000,
    maxDataPoints: 500,
    scopedVars: { __interval: { text: '1h', value: '1h' } },
    targets,
    ...over,
  };
}

describe('buildQueryBodies', () => {
  test('builds the documented /v1/query body: ISO range, the panel interval and maxDataPoints, one target per query', () => {
    const { bodies, errors } = buildQueryBodies(
      request([q({ groupBy: ['channel'], filters: { zone: ['$zone'], channel: ['whatsapp', 'website'] }, topN: 10 })]),
      tpl,
      'en'
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(bodies, [
      {
        from: '2026-11-01T00:00:00.000Z',
        to: '2026-11-29T00:00:00.000Z',
        intervalMs: 3_600_000,
        maxDataPoints: 500,
        targets: [
          {
            refId: 'A',
            metric: 'received',
            groupBy: ['channel'],
            filters: { zone: ['332', '333'], channel: ['whatsapp', 'website'] },
            format: 'time_series',
            language: 'en',
          },
        ],
      },
    ]);
  });

  test('skips hidden queries, annotation queries and request queries', () => {
    const { bodies } = buildQueryBodies(
      request([
        q({ refId: 'A', hide: true }),
        q({ refId: 'B' }),
        q({ refId: 'C', queryType: 'annotations' }),
        q({ refId: 'D', queryType: 'request', reference: '$reference' }),
      ]),
      tpl,
      'en'
    );
    assert.deepEqual(
      bodies.map((b) => b.targets.map((t) => t.refId)),
      [['B']]
    );
  });

  test('a filter on a variable this dashboard does not define is sent as all (not as "$region", which the aggregator refuses)', () => {
    const { bodies } = buildQueryBodies(
      request([q({ filters: { zone: ['$region'], channel: ['[[medium]]'], category: ['complaint'] } })]),
      tpl,
      'en'
    );
    assert.deepEqual(bodies[0].targets[0].filters, { zone: ['all'], channel: ['all'], category: ['complaint'] });
    assert.doesNotMatch(JSON.stringify(bodies), /region|medium/);
  });

  test('a query with a larger own interval ($bucket = 1d) goes in a body of its own; a smaller one never lowers the panel interval', () => {
    const { bodies } = buildQueryBodies(
      request([q({ refId: 'A' }), q({ refId: 'B', interval: '$bucket' }), q({ refId: 'C', interval: '1m' })]),
      tpl,
      'en'
    );
    assert.deepEqual(
      bodies.map((b) => [b.intervalMs, b.targets.map((t) => t.refId)]),
      [
        [3_600_000, ['A', 'C']],
        [86_400_000, ['B']],
      ]
    );
  });

  test('an interval of $__interval is the panel interval', () => {
    const { bodies } = buildQueryBodies(request([q({ interval: '$__interval' })]), tpl, 'en');
    assert.equal(bodies[0].intervalMs, 3_600_000);
  });

  test('without intervalMs or maxDataPoints it falls back to 1 minute and 1000 points', () => {
    const { bodies } = buildQueryBodies(request([q()], { intervalMs: undefined, maxDataPoints: undefined }), tpl, 'en');
    assert.equal(bodies[0].intervalMs, 60_000);
    assert.equal(bodies[0].maxDataPoints, 1000);
  });

  test('a query that cannot be asked is reported on its refId; the others still go', () => {
    const { bodies, errors } = buildQueryBodies(request([q({ refId: 'A', metric: '' }), q({ refId: 'B' })]), tpl, 'en');
    assert.deepEqual(errors, [{ refId: 'A', message: 'query A: choose a metric' }]);
    assert.deepEqual(
      bodies[0].targets.map((t) => t.refId),
      ['B']
    );
  });
});

describe('buildTarget', () => {
  test('All becomes "all"; empty filters and unknown dimensions are left out', () => {
    const t = buildTarget(
      q({ filters: { channel: ['$channel'], zone: [], bogus: ['x'] } as S360Query['filters'] }),
      undefined,
      tpl,
      'en'
    );
    assert.deepEqual(t.filters, { channel: ['all'] });
  });

  test('the metric may be a variable; table-only metrics are always asked as tables', () => {
    assert.equal(buildTarget(q({ metric: '$metric' }), undefined, tpl, 'en').metric, 'closed');
    assert.equal(buildTarget(q({ metric: 'hotspots', format: 'time_series' }), undefined, tpl, 'en').format, 'table');
  });

  test("language: the query's, else the datasource default; anything but en/ar falls back to the default", () => {
    assert.equal(buildTarget(q({ language: 'ar' }), undefined, tpl, 'en').language, 'ar');
    assert.equal(buildTarget(q(), undefined, tpl, 'ar').language, 'ar');
    assert.equal(buildTarget(q({ language: 'fr' }), undefined, tpl, 'en').language, 'en');
  });

  test('topN is sent for recurring_topics (defaulting to 10) and, when set, for hot spots and due soon; not for other metrics', () => {
    assert.equal(buildTarget(q({ metric: 'recurring_topics', topN: 5 }), undefined, tpl, 'en').topN, 5);
    assert.equal(buildTarget(q({ metric: 'hotspots', topN: 100 }), undefined, tpl, 'en').topN, 100);
    assert.equal(buildTarget(q({ metric: 'due_soon', topN: 20 }), undefined, tpl, 'en').topN, 20);
    assert.equal('topN' in buildTarget(q({ metric: 'hotspots' }), undefined, tpl, 'en'), false);
    assert.equal(buildTarget(q({ metric: 'recurring_topics' }), undefined, tpl, 'en').topN, 10);
    assert.equal('topN' in buildTarget(q({ topN: 5 }), undefined, tpl, 'en'), false);
  });
});

describe('durationToMs', () => {
  test('reads Grafana interval text', () => {
    assert.equal(durationToMs('500ms'), 500);
    assert.equal(durationToMs('30s'), 30_000);
    assert.equal(durationToMs('5m'), 300_000);
    assert.equal(durationToMs('1h'), 3_600_000);
    assert.equal(durationToMs('1d'), 86_400_000);
    assert.equal(durationToMs('1w'), 604_800_000);
    assert.equal(durationToMs('soon'), undefined);
    assert.equal(durationToMs('0s'), undefined);
    assert.equal(durationToMs(undefined), undefined);
  });
});
